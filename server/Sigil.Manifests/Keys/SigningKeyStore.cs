using Sigil.Manifests.Json;

namespace Sigil.Manifests.Keys;

/// <summary>
/// Private signing keys, kept OUTSIDE any repository: one <c>&lt;name&gt;.key</c> file per key in a keys directory
/// (<see cref="DefaultDirectory"/>). Files are created owner-only (0600, directory 0700), never overwritten, and a
/// key file that group or others may access is refused. Timestamps come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SigningKeyStore
{
    /// <summary>Environment variable that overrides the keys directory.</summary>
    public const string DirectoryVariable = "SIGIL_KEYS_DIR";

    /// <summary>Extension of key files.</summary>
    public const string Extension = ".key";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly TimeProvider _time;

    /// <summary>A store over <paramref name="directory"/> (created on the first <see cref="New"/>).</summary>
    public SigningKeyStore(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The keys directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// <c>$SIGIL_KEYS_DIR</c>, else <c>$XDG_CONFIG_HOME/sigil/keys</c>, else <c>~/.config/sigil/keys</c>.
    /// <paramref name="environment"/> reads a variable (default: the process environment).
    /// </summary>
    public static string DefaultDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(DirectoryVariable) is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }
        if (environment("XDG_CONFIG_HOME") is { Length: > 0 } configHome)
        {
            return Path.Combine(configHome, "sigil", "keys");
        }
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0
            ? Path.Combine(home, ".config", "sigil", "keys")
            : throw new KeyStoreException($"Cannot find a keys directory: set {DirectoryVariable} to a private directory outside the repository.");
    }

    /// <summary>The file of the key named <paramref name="name"/>.</summary>
    public string PathOf(string name) => Path.Combine(Directory, KeyName.Validate(name) + Extension);

    /// <summary>Creates and stores a new random key; refuses to replace an existing one.</summary>
    public SigningKey New(string name)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            throw AlreadyExists(name, path);
        }
        EnsureDirectory();
        var key = SigningKey.Generate(name, Rfc3339.Now(_time));
        try
        {
            WriteNew(path, KeyFile.Write(key), name);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Every stored key, by name.</summary>
    public IReadOnlyList<SigningKeyInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
            .Select(path => (Path: path, Name: Path.GetFileNameWithoutExtension(path)))
            .Where(file => KeyName.IsValid(file.Name))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => KeyFile.Read(File.ReadAllBytes(file.Path), file.Path, file.Name, out _))
            .ToList();
    }

    /// <summary>Loads the key named <paramref name="name"/>, checking its permissions and that its id matches its bytes.</summary>
    public SigningKey Load(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new KeyStoreException(
                $"No signing key named '{name}' in '{Directory}'. Create one with `sigil keys new {name}`, or point {DirectoryVariable} at the directory that holds it.");
        }
        EnsurePrivate(path);
        var info = KeyFile.Read(File.ReadAllBytes(path), path, name, out var privateKey);
        var key = SigningKey.FromPrivateKey(name, privateKey, info.CreatedAt);
        Array.Clear(privateKey);
        if (key.KeyId != info.KeyId)
        {
            key.Dispose();
            throw new KeyStoreException(
                $"Key file '{path}' says key_id {info.KeyId} but its private key belongs to {key.KeyId}; the file was edited. Restore it from a backup.");
        }
        return key;
    }

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else if (!System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
        }
    }

    private static void EnsurePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
            throw new KeyStoreException(
                $"Key file '{path}' is accessible to group or others (mode {octal}); a signing key must be private to its owner. Run `chmod 600 {path}` and try again.");
        }
    }

    private static void WriteNew(string path, byte[] content, string name)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw AlreadyExists(name, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static KeyStoreException AlreadyExists(string name, string path) =>
        new($"A signing key named '{name}' already exists at '{path}'; keys are never overwritten. Choose another name.");
}
