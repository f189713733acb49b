using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests;

/// <summary>Disposes the shared run's server and project.</summary>
[TestClass]
public static class AssemblySetup
{
    [AssemblyCleanup]
    public static async Task Cleanup() => await SharedRun.DisposeAsync();
}
