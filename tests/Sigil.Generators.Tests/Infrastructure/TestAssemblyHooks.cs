namespace Sigil.Generators.Tests.Infrastructure;

[TestClass]
public static class TestAssemblyHooks
{
    [AssemblyInitialize]
    public static void Initialize(TestContext context)
    {
        _ = context;
        TempProjectDirectory.DeleteStale();
    }
}
