using System.Runtime.Versioning;
using System.Text.Json;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Keys;

[TestClass]
public sealed class SigningKeyStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 14, 0, 0, 250, TimeSpan.Zero);

    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void New_FreshDirectory_CreatesOwnerOnlyFileAndDirectory()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Combine("config", "keys"), new ManualClock(Now));

        using var key = store.New("release");

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf("release")));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Directory));
    }

    [TestMethod]
    public void New_Key_WritesNameIdTimestampAndRawPrivateKey()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path, new ManualClock(Now));

        using var key = store.New("release");

        using var file = JsonDocument.Parse(File.ReadAllBytes(store.PathOf("release")));
        var root = file.RootElement;
        Assert.AreEqual("release", root.GetProperty("name").GetString());
        Assert.AreEqual(key.KeyId.Value, root.GetProperty("key_id").GetString());
        Assert.AreEqual("2026-12-05T14:00:00Z", root.GetProperty("created_at").GetString());
        Assert.HasCount(32, Convert.FromBase64String(root.GetProperty("private_key").GetString()!));
        Assert.HasCount(1, Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [TestMethod]
    public void Load_AfterNew_ReturnsTheSameKey()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path, new ManualClock(Now));
        using var created = store.New("release");

        using var loaded = new SigningKeyStore(temp.Path).Load("release");

        Assert.AreEqual(created.KeyId, loaded.KeyId);
        Assert.AreEqual(Now.AddMilliseconds(-250), loaded.CreatedAt);
        Assert.AreSequenceEqual(created.Sign("manifest"u8), loaded.Sign("manifest"u8));
    }

    [TestMethod]
    public void New_ExistingName_ThrowsAndKeepsTheOriginal()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path);
        using var original = store.New("release");
        var before = File.ReadAllBytes(store.PathOf("release"));

        var error = Assert.Throws<KeyStoreException>(() => store.New("release"));

        Assert.Contains("already exists", error.Message);
        Assert.AreSequenceEqual(before, File.ReadAllBytes(store.PathOf("release")));
    }

    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [UnsupportedOSPlatform("windows")]
    public void Load_GroupReadableFile_ThrowsWithChmodHint()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path);
        store.New("release").Dispose();
        var path = store.PathOf("release");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<KeyStoreException>(() => store.Load("release"));

        Assert.Contains($"chmod 600 {path}", error.Message);
        Assert.Contains("0644", error.Message);
    }

    [TestMethod]
    public void Load_MissingKey_ThrowsNamingDirectoryAndVariable()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<KeyStoreException>(() => new SigningKeyStore(temp.Path).Load("absent"));

        Assert.Contains(temp.Path, error.Message);
        Assert.Contains(SigningKeyStore.DirectoryVariable, error.Message);
    }

    [TestMethod]
    public void Load_KeyIdEditedInFile_Throws()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path);
        store.New("release").Dispose();
        var path = store.PathOf("release");
        var text = File.ReadAllText(path);
        var keyId = JsonDocument.Parse(text).RootElement.GetProperty("key_id").GetString()!;
        File.WriteAllText(path, text.Replace(keyId, "ed25519:" + new string('0', 32), StringComparison.Ordinal));

        var error = Assert.Throws<KeyStoreException>(() => store.Load("release"));

        Assert.Contains("edited", error.Message);
    }

    [TestMethod]
    public void Load_DamagedFile_ThrowsNamingFileAndField()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path);
        store.New("release").Dispose();
        var path = store.PathOf("release");
        File.WriteAllText(path, """{"name":"release","key_id":"ed25519:00000000000000000000000000000000","created_at":"2026-12-05T14:00:00Z","private_key":"AAAA"}""");

        var error = Assert.Throws<KeyStoreException>(() => store.Load("release"));

        Assert.Contains(path, error.Message);
        Assert.Contains("private_key", error.Message);
    }

    [TestMethod]
    public void List_SeveralKeys_ReturnsThemByName()
    {
        using var temp = new TempDirectory();
        var store = new SigningKeyStore(temp.Path, new ManualClock(Now));
        using var b = store.New("b-key");
        using var a = store.New("a-key");

        var keys = store.List();

        Assert.AreSequenceEqual(new[] { "a-key", "b-key" }, keys.Select(k => k.Name).ToArray());
        Assert.AreEqual(a.KeyId, keys[0].KeyId);
        Assert.AreEqual(store.PathOf("b-key"), keys[1].Path);
    }

    [TestMethod]
    public void List_MissingDirectory_IsEmpty()
    {
        using var temp = new TempDirectory();

        Assert.IsEmpty(new SigningKeyStore(temp.Combine("nothing")).List());
    }

    [TestMethod]
    [DataRow("../outside")]
    [DataRow("Upper")]
    public void New_InvalidName_Throws(string name)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => new SigningKeyStore(temp.Path).New(name));

        Assert.Contains("a-z", error.Message);
    }

    [TestMethod]
    public void DefaultDirectory_VariablesSet_PrefersSigilKeysDirThenXdgThenHome()
    {
        var all = new Dictionary<string, string?> { ["SIGIL_KEYS_DIR"] = "/k", ["XDG_CONFIG_HOME"] = "/xdg", ["HOME"] = "/home/u" };
        var noExplicit = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = "/xdg", ["HOME"] = "/home/u" };
        var homeOnly = new Dictionary<string, string?> { ["HOME"] = "/home/u" };

        Assert.AreEqual("/k", SigningKeyStore.DefaultDirectory(all.GetValueOrDefault));
        Assert.AreEqual(Path.Combine("/xdg", "sigil", "keys"), SigningKeyStore.DefaultDirectory(noExplicit.GetValueOrDefault));
        Assert.AreEqual(Path.Combine("/home/u", ".config", "sigil", "keys"), SigningKeyStore.DefaultDirectory(homeOnly.GetValueOrDefault));
    }
}
