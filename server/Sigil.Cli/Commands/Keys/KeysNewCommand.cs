using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Keys;

/// <summary>
/// <c>sigil keys new NAME [--trust]</c>: a fresh Ed25519 key in this machine's keys directory (owner-only, never
/// overwritten, refused inside the project's repository); with <c>--trust</c> also added to the project's sigil.keys.json.
/// </summary>
[Description("Create an Ed25519 signing key in your keys directory (outside the repository); --trust also trusts it here")]
public sealed class KeysNewCommand : KeysCommandBase<KeysNewCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The key's name.</summary>
        [CommandArgument(0, "<NAME>")]
        [Description("The key's name: a-z, 0-9, '.', '_', '-' (e.g. release-2026)")]
        public string Name { get; init; } = "";

        /// <summary>Also trust the key in the project's sigil.keys.json.</summary>
        [CommandOption("--trust")]
        [Description("Also add the public key to the project's sigil.keys.json")]
        public bool Trust { get; init; }
    }

    /// <inheritdoc />
    protected override int Run(Settings settings)
    {
        var name = RequireName(settings.Name, "Key name");
        var keys = OpenKeyStore();
        var project = settings.Trust ? FindProject(settings) : TryFindProject(settings);
        if (project is not null)
        {
            EnsureOutsideRepository(keys.Directory, project);
        }
        var path = keys.PathOf(name);
        if (File.Exists(path))
        {
            throw new SigilProjectException($"A key named '{name}' exists at {path}; choose another name (keys are never overwritten).");
        }
        TrustStore? trust = null;
        if (settings.Trust)
        {
            // Read the trust store before creating anything: a damaged sigil.keys.json or a name in use stops here.
            trust = new TrustStore(project!.ProjectDirectory);
            if (trust.List().FirstOrDefault(k => k.Name == name && !k.IsRevoked) is { } clash)
            {
                throw new SigilProjectException(
                    $"The name '{name}' is already used by trusted key {clash.KeyId} in {trust.FilePath}; choose another name, or revoke that key first.");
            }
        }

        using var key = keys.New(name);
        var trusted = trust?.Trust(key.PublicKey.Span, name);
        var publicKey = Base64(key.PublicKey);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                name,
                key_id = key.KeyId.Value,
                path,
                public_key = publicKey,
                created_at = Time(key.CreatedAt),
                trusted = trusted is not null,
                trust_file = trust?.FilePath,
            });
            return 0;
        }
        CliConsole.Line($"Created key [bold]{Markup.Escape(name)}[/] {Markup.Escape(key.KeyId.Value)}");
        CliConsole.Line($"  file:       {Markup.Escape(path)} [grey](owner-only; back it up, never commit it)[/]");
        CliConsole.Line($"  public key: {Markup.Escape(publicKey)}");
        if (trust is not null)
        {
            CliConsole.Line($"Trusted in [bold]{Markup.Escape(trust.FilePath)}[/]; commit that file.");
        }
        else
        {
            CliConsole.Line($"Trust it in a project with 'sigil keys trust {Markup.Escape(name)}', or elsewhere with " +
                $"'sigil keys trust --public-key {Markup.Escape(publicKey)} --name {Markup.Escape(name)}'.");
        }
        return 0;
    }

    /// <summary>Refuses a keys directory inside the repository that holds the project: a private key there could be committed.</summary>
    private static void EnsureOutsideRepository(string keysDirectory, SigilPaths project)
    {
        var repository = RepositoryRoot(project.ProjectDirectory);
        var relative = Path.GetRelativePath(repository, keysDirectory);
        var inside = relative == "." || (!Path.IsPathRooted(relative) && relative != ".." &&
            !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (inside)
        {
            throw new SigilProjectException(
                $"The keys directory {keysDirectory} is inside {repository}, where a private key could be committed; set {SigningKeyStore.DirectoryVariable} to a private directory outside the repository (default ~/.config/sigil/keys).");
        }
    }

    /// <summary>The nearest folder at or above <paramref name="projectDirectory"/> holding <c>.git</c>, else the project itself.</summary>
    private static string RepositoryRoot(string projectDirectory)
    {
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }
        return projectDirectory;
    }
}
