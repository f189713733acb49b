using Sigil.LanguageServer.State;

namespace Sigil.LanguageServer.Diagnostics;

/// <summary>Which manifest a project uses: the resolver's manifest in sigil.json, else <c>sigil.manifest.json</c> in the project folder.</summary>
internal static class ManifestLocator
{
    /// <summary>The default manifest file name.</summary>
    public const string DefaultFileName = "sigil.manifest.json";

    /// <summary>The manifest path (it may not exist).</summary>
    public static string Path(ProjectContext project)
    {
        string? configured = null;
        try
        {
            configured = project.Config().Resolver.Manifest;
        }
        catch (Exception e) when (e is Sigil.Projects.SigilProjectException or IOException)
        {
            // An unreadable sigil.json: the default manifest is still checked.
        }
        return project.Resolve(string.IsNullOrWhiteSpace(configured) ? DefaultFileName : configured);
    }
}
