namespace Sigil.Generators.Model
{
    /// <summary>The MSBuild properties the generator reads (build_property.* in the analyzer config).</summary>
    /// <param name="GitCommit">Validated commit (40 zeros when missing or malformed).</param>
    /// <param name="TargetFramework">e.g. net10.0, or "unknown".</param>
    /// <param name="FrameworkMoniker">e.g. .NETCoreApp,Version=v10.0, or "unknown".</param>
    /// <param name="ProjectDirectory">Absolute project directory, or "".</param>
    internal sealed record BuildProperties(string GitCommit, string TargetFramework, string FrameworkMoniker, string ProjectDirectory);
}
