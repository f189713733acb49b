using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.State;

/// <summary>Whether a project has a workspace store yet (read requests never create one).</summary>
internal static class StoreFiles
{
    /// <summary>True when <c>.sigil/workspace.db</c> exists.</summary>
    public static bool Exists(ProjectContext project) =>
        File.Exists(Path.Combine(project.SigilDirectory, LiteDbWorkspaceStore.DatabaseFileName));
}
