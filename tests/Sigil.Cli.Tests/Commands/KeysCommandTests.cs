using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

/// <summary>
/// <c>sigil keys new|list|trust|revoke</c> through the real executable, with <c>SIGIL_KEYS_DIR</c> pointed at a temp
/// folder outside the project so no test touches the user's real keys.
/// </summary>
[TestClass]
public sealed class KeysCommandTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [TestMethod]
    public void New_CreatesOwnerOnlyKeyOutsideTheProject_AndListShowsIt()
    {
        using var env = new KeysEnvironment();

        var created = env.Json("keys", "new", "alice", "--json");
        var list = env.Json("keys", "list", "--json");
        var table = env.Run("keys", "list");

        var path = env.KeysDirectory + "/alice.key";
        Assert.AreEqual("alice", created.GetProperty("name").GetString());
        Assert.AreEqual(path, created.GetProperty("path").GetString());
        var keyId = created.GetProperty("key_id").GetString()!;
        StringAssert.StartsWith(keyId, "ed25519:");
        Assert.HasCount(32, Convert.FromBase64String(created.GetProperty("public_key").GetString()!));
        Assert.IsFalse(created.GetProperty("trusted").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, created.GetProperty("trust_file").ValueKind);
        Assert.IsTrue(File.Exists(path));
        Assert.AreEqual(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.AreEqual(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(env.KeysDirectory));
        Assert.IsFalse(File.Exists(env.TrustFile), "without --trust the project is not touched");

        Assert.AreEqual(env.KeysDirectory, list.GetProperty("keys_directory").GetString());
        Assert.AreEqual(env.TrustFile, list.GetProperty("trust_file").GetString());
        var local = list.GetProperty("local").EnumerateArray().Single();
        Assert.AreEqual("alice", local.GetProperty("name").GetString());
        Assert.AreEqual(keyId, local.GetProperty("key_id").GetString());
        Assert.AreEqual(path, local.GetProperty("path").GetString());
        Assert.AreEqual(created.GetProperty("created_at").GetString(), local.GetProperty("created_at").GetString());
        Assert.IsFalse(local.GetProperty("trusted").GetBoolean());
        Assert.IsFalse(local.GetProperty("revoked").GetBoolean());
        Assert.AreEqual(0, list.GetProperty("trusted").GetArrayLength());

        Assert.AreEqual(0, table.ExitCode, table.ToString());
        StringAssert.Contains(table.StandardOutput, "alice");
        StringAssert.Contains(table.StandardOutput, keyId);
        StringAssert.Contains(table.StandardOutput, "Trusted keys");
    }

    [TestMethod]
    public void New_WithTrust_AddsThePublicKeyToSigilKeysJson()
    {
        using var env = new KeysEnvironment();

        var created = env.Json("keys", "new", "bob", "--trust", "--json");
        var list = env.Json("keys", "list", "--json");

        Assert.IsTrue(created.GetProperty("trusted").GetBoolean());
        Assert.AreEqual(env.TrustFile, created.GetProperty("trust_file").GetString());
        var trusted = list.GetProperty("trusted").EnumerateArray().Single();
        Assert.AreEqual("bob", trusted.GetProperty("name").GetString());
        Assert.AreEqual(created.GetProperty("key_id").GetString(), trusted.GetProperty("key_id").GetString());
        Assert.AreEqual(created.GetProperty("public_key").GetString(), trusted.GetProperty("public_key").GetString());
        Assert.IsFalse(trusted.GetProperty("revoked").GetBoolean());
        Assert.IsTrue(trusted.GetProperty("local").GetBoolean());
        Assert.IsTrue(list.GetProperty("local")[0].GetProperty("trusted").GetBoolean());
    }

    [TestMethod]
    public void Trust_LocalKeyByName_ThenAgain_ChangesNothingTheSecondTime()
    {
        using var env = new KeysEnvironment();
        var created = env.Json("keys", "new", "alice", "--json");

        var first = env.Json("keys", "trust", "alice", "--json");
        var bytes = File.ReadAllBytes(env.TrustFile);
        var again = env.Run("keys", "trust", "alice");

        Assert.AreEqual(created.GetProperty("key_id").GetString(), first.GetProperty("key_id").GetString());
        Assert.AreEqual("alice", first.GetProperty("name").GetString());
        Assert.IsTrue(first.GetProperty("changed").GetBoolean());
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(again.StandardOutput, "already trusted");
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(env.TrustFile));
        var list = env.Json("keys", "list", "--json");
        Assert.IsTrue(list.GetProperty("local")[0].GetProperty("trusted").GetBoolean());
    }

    [TestMethod]
    public void Trust_ColleaguesPublicKey_IsListedAsTrustedButNotLocal()
    {
        using var env = new KeysEnvironment();
        using var colleague = new TempFolder();
        var theirs = JsonDocument.Parse(env.RunWithKeys(colleague.Combine("keys"), "keys", "new", "carol", "--json").StandardOutput).RootElement;
        var publicKey = theirs.GetProperty("public_key").GetString()!;

        var trusted = env.Json("keys", "trust", "--public-key", publicKey, "--name", "carol", "--json");
        var list = env.Json("keys", "list", "--json");

        Assert.AreEqual(theirs.GetProperty("key_id").GetString(), trusted.GetProperty("key_id").GetString());
        Assert.AreEqual(publicKey, trusted.GetProperty("public_key").GetString());
        Assert.IsTrue(trusted.GetProperty("changed").GetBoolean());
        Assert.AreEqual(env.TrustFile, trusted.GetProperty("trust_file").GetString());
        Assert.AreEqual(0, list.GetProperty("local").GetArrayLength());
        var entry = list.GetProperty("trusted").EnumerateArray().Single();
        Assert.AreEqual("carol", entry.GetProperty("name").GetString());
        Assert.IsFalse(entry.GetProperty("local").GetBoolean());
    }

    [TestMethod]
    [DataRow("not base64!", "not valid base64")]
    [DataRow("AAAA", "decodes to 3 bytes")]
    [DataRow("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "decodes to 31 bytes")]
    public void Trust_BadPublicKey_ExitOneAndNothingWritten(string publicKey, string fragment)
    {
        using var env = new KeysEnvironment();

        SigilCli.AssertFails(env.Run("keys", "trust", "--public-key", publicKey, "--name", "carol"), 1, fragment);
        Assert.IsFalse(File.Exists(env.TrustFile));
    }

    [TestMethod]
    [DataRow("Name the key to trust", "keys", "trust")]
    [DataRow("--public-key needs --name", "keys", "trust", "--public-key", "AAAA")]
    [DataRow("--name goes with --public-key", "keys", "trust", "alice", "--name", "al")]
    [DataRow("not both", "keys", "trust", "alice", "--public-key", "AAAA", "--name", "al")]
    [DataRow("sigil --help", "keys", "new")]
    [DataRow("sigil --help", "keys", "revoke")]
    public void MalformedCommandLine_ExitTwoWithOneLine(string fragment, params string[] args)
    {
        using var env = new KeysEnvironment();

        var result = env.Run(args);

        SigilCli.AssertFails(result, 2, fragment);
        StringAssert.Contains(result.ErrorLines[0], "sigil --help");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Revoke_ByNameOrKeyId_KeyStaysListedAsRevoked(bool byKeyId)
    {
        using var env = new KeysEnvironment();
        var keyId = env.Json("keys", "new", "alice", "--trust", "--json").GetProperty("key_id").GetString()!;

        var revoked = env.Json("keys", "revoke", byKeyId ? keyId : "alice", "--reason", "laptop lost", "--json");
        var list = env.Json("keys", "list", "--json");
        var table = env.Run("keys", "list");

        Assert.AreEqual(keyId, revoked.GetProperty("key_id").GetString());
        Assert.AreEqual("alice", revoked.GetProperty("name").GetString());
        Assert.AreEqual("laptop lost", revoked.GetProperty("revoked_reason").GetString());
        StringAssert.EndsWith(revoked.GetProperty("revoked_at").GetString(), "Z");
        var entry = list.GetProperty("trusted").EnumerateArray().Single();
        Assert.IsTrue(entry.GetProperty("revoked").GetBoolean());
        Assert.AreEqual("laptop lost", entry.GetProperty("revoked_reason").GetString());
        Assert.AreEqual(revoked.GetProperty("revoked_at").GetString(), entry.GetProperty("revoked_at").GetString());
        var local = list.GetProperty("local")[0];
        Assert.IsFalse(local.GetProperty("trusted").GetBoolean());
        Assert.IsTrue(local.GetProperty("revoked").GetBoolean());
        StringAssert.Contains(table.StandardOutput, "revoked");
        StringAssert.Contains(table.StandardOutput, "laptop lost");
    }

    [TestMethod]
    public void Revoke_AlreadyRevoked_ExitOneAndFileUnchanged()
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--trust", "--json");
        env.Json("keys", "revoke", "alice", "--reason", "laptop lost", "--json");
        var before = File.ReadAllBytes(env.TrustFile);

        SigilCli.AssertFails(env.Run("keys", "revoke", "alice", "--reason", "again"), 1, "already revoked");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(env.TrustFile));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("   ")]
    public void Revoke_WithoutReason_IsAnErrorAndChangesNothing(string? reason)
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--trust", "--json");
        var before = File.ReadAllBytes(env.TrustFile);

        SigilCli.AssertFails(env.Run(reason is null ? ["keys", "revoke", "alice"] : ["keys", "revoke", "alice", "--reason", reason]), 2, "--reason is required");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(env.TrustFile));
        Assert.IsFalse(env.Json("keys", "list", "--json").GetProperty("trusted")[0].GetProperty("revoked").GetBoolean());
    }

    [TestMethod]
    [DataRow("keys", "new", "alice")]
    [DataRow("keys", "new", "alice", "--trust")]
    public void New_ExistingName_RefusedAndNothingChanged(params string[] args)
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--trust", "--json");
        var keys = env.Home.Snapshot();
        var project = env.Project.Snapshot();

        SigilCli.AssertFails(env.Run(args), 1, $"A key named 'alice' exists at {env.KeysDirectory}/alice.key; choose another name");
        CollectionAssert.AreEquivalent(keys.ToList(), env.Home.Snapshot().ToList());
        CollectionAssert.AreEquivalent(project.ToList(), env.Project.Snapshot().ToList());
    }

    [TestMethod]
    [DataRow("Key name 'Bad Name' is invalid", "keys", "new", "Bad Name")]
    [DataRow("Key name '../escape' is invalid", "keys", "new", "../escape", "--trust")]
    [DataRow("--name 'Carol' is invalid", "keys", "trust", "--public-key", "RN5Jnk6uZXsMUTTpfxs5UlAbzHQCbB7A0W0p3I7tcvE=", "--name", "Carol")]
    [DataRow("No signing key named 'nobody'", "keys", "trust", "nobody")]
    [DataRow("No trusted key named 'nobody'", "keys", "revoke", "nobody", "--reason", "x")]
    [DataRow("is not in", "keys", "revoke", "ed25519:00000000000000000000000000000000", "--reason", "x")]
    [DataRow("is malformed", "keys", "revoke", "ed25519:zz", "--reason", "x")]
    [DataRow("neither a key id", "keys", "revoke", "Not A Name", "--reason", "x")]
    public void BadNameOrUnknownKey_ExitOneAndNothingChanged(string fragment, params string[] args)
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--trust", "--json");
        var keys = env.Home.Snapshot();
        var project = env.Project.Snapshot();

        SigilCli.AssertFails(env.Run(args), 1, fragment);
        CollectionAssert.AreEquivalent(keys.ToList(), env.Home.Snapshot().ToList());
        CollectionAssert.AreEquivalent(project.ToList(), env.Project.Snapshot().ToList());
    }

    [TestMethod]
    [DataRow("keys", "list")]
    [DataRow("keys", "list", "--json")]
    [DataRow("keys")]
    [DataRow("keys", "trust", "alice")]
    [DataRow("keys", "trust", "--public-key", "RN5Jnk6uZXsMUTTpfxs5UlAbzHQCbB7A0W0p3I7tcvE=", "--name", "carol")]
    [DataRow("keys", "revoke", "alice", "--reason", "laptop lost")]
    [DataRow("keys", "new", "zed", "--trust")]
    public void DamagedSigilKeysJson_ExitOneNamingFileAndProblem_NothingChanged(params string[] args)
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--json");
        File.WriteAllText(env.TrustFile, "{ \"schema\": \"sigil/keys@0\", \"keys\": [ ");
        var before = File.ReadAllBytes(env.TrustFile);
        var keys = env.Home.Snapshot();

        var result = env.Run(args);

        SigilCli.AssertFails(result, 1, env.TrustFile);
        StringAssert.Contains(result.ErrorLines[0], "not valid JSON");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(env.TrustFile));
        CollectionAssert.AreEquivalent(keys.ToList(), env.Home.Snapshot().ToList());
    }

    [TestMethod]
    public void DamagedSigilKeysJson_EditedEntry_SaysWhichFieldIsWrong()
    {
        using var env = new KeysEnvironment();
        var keyId = env.Json("keys", "new", "alice", "--trust", "--json").GetProperty("key_id").GetString()!;
        File.WriteAllText(env.TrustFile, File.ReadAllText(env.TrustFile).Replace(keyId, "ed25519:" + new string('0', 32), StringComparison.Ordinal));
        var before = File.ReadAllBytes(env.TrustFile);

        var result = env.Run("keys", "revoke", "alice", "--reason", "x");

        SigilCli.AssertFails(result, 1, "keys[0].key_id");
        StringAssert.Contains(result.ErrorLines[0], env.TrustFile);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(env.TrustFile));
    }

    [TestMethod]
    public void New_KeysDirectoryInsideTheProject_Refused()
    {
        using var env = new KeysEnvironment();
        var inside = env.Project.Combine("keys");

        SigilCli.AssertFails(env.RunWithKeys(inside, "keys", "new", "alice"), 1, "could be committed");
        Assert.IsFalse(Directory.Exists(inside));
    }

    [TestMethod]
    public void List_OutsideAProject_ShowsOnlyYourKeys()
    {
        using var env = new KeysEnvironment();
        env.Json("keys", "new", "alice", "--json");
        using var elsewhere = new TempFolder();

        var list = JsonDocument.Parse(env.RunIn(elsewhere.Path, "keys", "list", "--json").StandardOutput).RootElement;
        var table = env.RunIn(elsewhere.Path, "keys", "list");

        Assert.AreEqual(JsonValueKind.Null, list.GetProperty("trust_file").ValueKind);
        Assert.AreEqual("alice", list.GetProperty("local")[0].GetProperty("name").GetString());
        Assert.AreEqual(0, list.GetProperty("trusted").GetArrayLength());
        Assert.AreEqual(0, table.ExitCode, table.ToString());
        StringAssert.Contains(table.StandardOutput, "alice");
        StringAssert.Contains(table.StandardError, "Not in a Sigil project");
    }

    [TestMethod]
    public void Help_ListsTheKeysCommands()
    {
        using var env = new KeysEnvironment();

        var result = env.Run("keys", "--help");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        foreach (var command in new[] { "new", "list", "trust", "revoke" })
        {
            StringAssert.Contains(result.StandardOutput, command);
        }
    }

    /// <summary>A Sigil project and, in another temp folder, the keys directory <c>SIGIL_KEYS_DIR</c> points at.</summary>
    private sealed class KeysEnvironment : IDisposable
    {
        private static readonly string s_dll = Path.Combine(AppContext.BaseDirectory, "sigil.dll");

        public KeysEnvironment()
        {
            var init = SigilCli.Run(Project.Path, "init");
            Assert.AreEqual(0, init.ExitCode, init.ToString());
        }

        public TempFolder Project { get; } = new();

        public TempFolder Home { get; } = new();

        /// <summary>Not created up front: the key store creates it owner-only.</summary>
        public string KeysDirectory => Home.Combine("keys");

        public string TrustFile => Project.Combine("sigil.keys.json");

        public CliResult Run(params string[] args) => RunWithKeys(KeysDirectory, args);

        public CliResult RunIn(string workingDirectory, params string[] args) => Shell.Run(workingDirectory, "dotnet", [s_dll, .. args],
            new Dictionary<string, string> { ["SIGIL_KEYS_DIR"] = KeysDirectory }, timeoutSeconds: 60);

        public CliResult RunWithKeys(string keysDirectory, params string[] args) => Shell.Run(Project.Path, "dotnet", [s_dll, .. args],
            new Dictionary<string, string> { ["SIGIL_KEYS_DIR"] = keysDirectory }, timeoutSeconds: 60);

        /// <summary>Runs a command that must succeed and parses its JSON output.</summary>
        public JsonElement Json(params string[] args)
        {
            var result = Run(args);
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
        }

        public void Dispose()
        {
            Project.Dispose();
            Home.Dispose();
        }
    }
}
