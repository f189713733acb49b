using System.Text.Json;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Keys;

[TestClass]
public sealed class TrustStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Trust_NewKey_IsFoundByAFreshStoreOverTheSameFile()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);

        var added = new TrustStore(temp.Path, new ManualClock(Now)).Trust(key.PublicKey.Span, "release");

        var found = new TrustStore(temp.Path).Find(key.KeyId);
        Assert.IsNotNull(found);
        Assert.AreEqual(added.KeyId, found.KeyId);
        Assert.AreEqual("release", found.Name);
        Assert.AreEqual(Now, found.AddedAt);
        Assert.AreSequenceEqual(key.PublicKey.ToArray(), found.PublicKey.ToArray());
        Assert.IsFalse(found.IsRevoked);
    }

    [TestMethod]
    public void Trust_NewKey_WritesTheDocumentedFormatAtTheProjectRoot()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);

        new TrustStore(temp.Path, new ManualClock(Now)).Trust(key.PublicKey.Span, "release");

        using var file = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("sigil.keys.json")));
        var entry = file.RootElement.GetProperty("keys")[0];
        Assert.AreEqual("sigil/keys@0", file.RootElement.GetProperty("schema").GetString());
        Assert.AreEqual(key.KeyId.Value, entry.GetProperty("key_id").GetString());
        Assert.AreEqual(Convert.ToBase64String(Convert.FromHexString(Rfc8032Vectors.Test1Public)), entry.GetProperty("public_key").GetString());
        Assert.AreEqual("2026-12-05T14:00:00Z", entry.GetProperty("added_at").GetString());
        Assert.AreEqual(JsonValueKind.Null, entry.GetProperty("revoked_at").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, entry.GetProperty("revoked_reason").ValueKind);
        Assert.HasCount(1, Directory.GetFiles(temp.Path));
    }

    [TestMethod]
    public void Revoke_TrustedKey_KeepsItListedWithTimeAndReason()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);
        var clock = new ManualClock(Now);
        var store = new TrustStore(temp.Path, clock);
        store.Trust(key.PublicKey.Span, "release");
        clock.Now = Now.AddDays(2);

        store.Revoke(key.KeyId, "laptop lost");

        var listed = Assert.ContainsSingle(new TrustStore(temp.Path).List());
        Assert.IsTrue(listed.IsRevoked);
        Assert.AreEqual(Now.AddDays(2), listed.RevokedAt);
        Assert.AreEqual("laptop lost", listed.RevokedReason);
    }

    [TestMethod]
    public void Revoke_AlreadyRevoked_Throws()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        store.Trust(key.PublicKey.Span, "release");
        store.Revoke(key.KeyId, "rotated");

        var error = Assert.Throws<TrustStoreException>(() => store.Revoke(key.KeyId, "again"));

        Assert.Contains("already revoked", error.Message);
    }

    [TestMethod]
    public void Trust_RevokedKey_ThrowsSayingToCreateANewKey()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        store.Trust(key.PublicKey.Span, "release");
        store.Revoke(key.KeyId, "rotated");

        var error = Assert.Throws<TrustStoreException>(() => store.Trust(key.PublicKey.Span, "release"));

        Assert.Contains("cannot be trusted again", error.Message);
        Assert.Contains("sigil keys new", error.Message);
    }

    [TestMethod]
    public void Trust_SameKeyAndNameTwice_KeepsOneEntry()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        var first = store.Trust(key.PublicKey.Span, "release");

        var second = store.Trust(key.PublicKey.Span, "release");

        Assert.AreEqual(first.AddedAt, second.AddedAt);
        Assert.HasCount(1, store.List());
    }

    [TestMethod]
    public void Trust_NameOfAnotherActiveKey_Throws()
    {
        using var temp = new TempDirectory();
        using var first = Key(Rfc8032Vectors.Test1Secret);
        using var second = Key(Rfc8032Vectors.Test2Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        store.Trust(first.PublicKey.Span, "release");

        var error = Assert.Throws<TrustStoreException>(() => store.Trust(second.PublicKey.Span, "release"));

        Assert.Contains(first.KeyId.Value, error.Message);
    }

    [TestMethod]
    public void Trust_NameOfARevokedKey_IsAllowedForRotation()
    {
        using var temp = new TempDirectory();
        using var first = Key(Rfc8032Vectors.Test1Secret);
        using var second = Key(Rfc8032Vectors.Test2Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        store.Trust(first.PublicKey.Span, "release");
        store.Revoke(first.KeyId, "rotated");

        store.Trust(second.PublicKey.Span, "release");

        Assert.HasCount(2, store.List());
    }

    [TestMethod]
    public void Revoke_UnknownKey_Throws()
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);

        var error = Assert.Throws<TrustStoreException>(() => new TrustStore(temp.Path).Revoke(key.KeyId, "x"));

        Assert.Contains("not in", error.Message);
    }

    [TestMethod]
    public void List_MissingFile_IsEmpty()
    {
        using var temp = new TempDirectory();

        Assert.IsEmpty(new TrustStore(temp.Path).List());
    }

    [TestMethod]
    [DataRow("\"key_id\": \"ed25519:", "\"key_id\": \"ed25519:0", "keys[0].key_id")]
    [DataRow("\"name\": \"release\"", "\"name\": \"Release Key\"", "keys[0].name")]
    [DataRow("\"added_at\": \"2026-12-05T14:00:00Z\"", "\"added_at\": \"2026-12-05 14:00\"", "keys[0].added_at")]
    [DataRow("\"revoked_reason\": null", "\"revoked_reason\": \"lost\"", "keys[0].revoked_reason")]
    [DataRow("\"revoked_reason\": null", "\"revoked_reason\": null, \"comment\": \"x\"", "keys[0].comment")]
    [DataRow("\"schema\": \"sigil/keys@0\"", "\"schema\": \"sigil/keys@9\"", "schema")]
    public void List_DamagedFile_ThrowsNamingFileAndField(string find, string replace, string path)
    {
        using var temp = new TempDirectory();
        using var key = Key(Rfc8032Vectors.Test1Secret);
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        store.Trust(key.PublicKey.Span, "release");
        var text = File.ReadAllText(store.FilePath);
        Assert.Contains(find, text);
        File.WriteAllText(store.FilePath, text.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<TrustStoreException>(() => store.List());

        Assert.Contains(store.FilePath, error.Message);
        Assert.Contains(path + ":", error.Message);
    }

    private static SigningKey Key(string secretHex) =>
        SigningKey.FromPrivateKey("k", Convert.FromHexString(secretHex), Now);
}
