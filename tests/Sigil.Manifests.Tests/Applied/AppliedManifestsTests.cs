using Sigil.Core.Hashing;
using Sigil.Manifests.Applied;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Applied;

[TestClass]
public sealed class AppliedManifestsTests
{
    private static string Id(string seed) => "manifest://b3:" + Blake3Digest.Hex(seed);

    private static (AppliedManifests Applied, string Root) Create()
    {
        var root = Directory.CreateTempSubdirectory("sigil-applied-").FullName;
        return (new AppliedManifests(Path.Combine(root, ".sigil")), root);
    }

    [TestMethod]
    public void Record_WritesTheSharedFormat_AndReadsItBack()
    {
        var (applied, root) = Create();
        try
        {
            Assert.IsNull(applied.Find("quickstart"));
            applied.Record("quickstart", new AppliedManifest(2, Id("a")));
            applied.Record("other", new AppliedManifest(1, Id("b")));
            applied.Record("quickstart", new AppliedManifest(3, Id("c")));
            applied.Record("quickstart", new AppliedManifest(3, Id("c")));

            Assert.AreEqual(Path.Combine(root, ".sigil", "resolver", "applied.json"), applied.FilePath);
            Assert.AreEqual(new AppliedManifest(3, Id("c")), applied.Find("quickstart"));
            Assert.AreEqual(2, applied.ReadAll().Count);
            var text = File.ReadAllText(applied.FilePath);
            StringAssert.Contains(text, "\"quickstart\": {");
            StringAssert.Contains(text, "\"sequence\": 3,");
            StringAssert.Contains(text, $"\"manifest_id\": \"{Id("c")}\"");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [TestMethod]
    public void Record_NeverGoesBack_AndWritesNothingThen()
    {
        var (applied, root) = Create();
        try
        {
            applied.Record("quickstart", new AppliedManifest(3, Id("a")));
            var before = File.ReadAllBytes(applied.FilePath);

            var lower = Assert.ThrowsExactly<AppliedManifestsException>(() => applied.Record("quickstart", new AppliedManifest(2, Id("b"))));
            var sameSequence = Assert.ThrowsExactly<AppliedManifestsException>(() => applied.Record("quickstart", new AppliedManifest(3, Id("b"))));

            StringAssert.Contains(lower.Message, "would go back");
            StringAssert.Contains(sameSequence.Message, "would go back");
            CollectionAssert.AreEqual(before, File.ReadAllBytes(applied.FilePath));
            Assert.ThrowsExactly<ArgumentException>(() => applied.Record("quickstart", new AppliedManifest(4, "manifest://nope")));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [TestMethod]
    [DataRow("not json", "is not valid JSON")]
    [DataRow("[]", "must be a JSON object")]
    [DataRow("{\"q\": {\"sequence\": 0, \"manifest_id\": \"x\"}}", "q.sequence must be an integer")]
    [DataRow("{\"q\": {\"sequence\": 1.5, \"manifest_id\": \"x\"}}", "q.sequence must be an integer")]
    [DataRow("{\"q\": {\"sequence\": 1, \"manifest_id\": \"x\"}}", "q.manifest_id must be manifest://b3:")]
    [DataRow("{\"q\": {\"sequence\": 1, \"manifest_id\": \"x\", \"extra\": 1}}", "q.extra is not a field")]
    [DataRow("{\"q\": 1, \"q\": 2}", "is not valid JSON")]
    public void DamagedFile_IsAnErrorNamingTheFileAndField(string content, string problem)
    {
        var (applied, root) = Create();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(applied.FilePath)!);
            File.WriteAllText(applied.FilePath, content);

            var error = Assert.ThrowsExactly<AppliedManifestsException>(() => applied.Find("q"));

            StringAssert.StartsWith(error.Message, applied.FilePath + ": ");
            StringAssert.Contains(error.Message, problem);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
