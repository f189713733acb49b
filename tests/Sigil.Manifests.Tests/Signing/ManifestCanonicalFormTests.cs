using System.Text;
using System.Text.Json.Nodes;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Signing;

/// <summary>Freezes the signed format: if these bytes change, every manifest ever signed stops verifying.</summary>
[TestClass]
public sealed class ManifestCanonicalFormTests
{
    [TestMethod]
    public void IdPreimage_OnePinDraft_IsTheExpectedJcsText()
    {
        using var fixture = new ManifestFixture();
        var node = JsonNode.Parse(fixture.Sign(ManifestFixture.Draft(pins: [ManifestFixture.Pin(0)])).Json)!.AsObject();

        var text = Encoding.UTF8.GetString(ManifestCanonicalForm.IdPreimage(node));

        Assert.AreEqual(ExpectedPreimage, text);
    }

    [TestMethod]
    public void ComputeId_OnePinDraft_IsTheGoldenId()
    {
        using var fixture = new ManifestFixture();

        var signed = fixture.Sign(ManifestFixture.Draft(pins: [ManifestFixture.Pin(0)]));

        Assert.AreEqual(GoldenId, signed.Document.ManifestId);
        Assert.AreEqual(GoldenSignature, signed.Document.Signature!.Sig);
    }

    // Cross-checked outside .NET: Node's JSON.stringify over recursively key-sorted objects gives these exact bytes, and
    // Node's crypto.sign (Ed25519, RFC 8032 TEST 1 seed) over the same form with manifest_id gives the same signature.
    private const string ExpectedPreimage =
        """
        {"author":"release@example.com","codebase":{"commit":"0123456789abcdef0123456789abcdef01234567","repo":"https://example.com/shop.git"},"created_at":"2026-12-05T14:00:00Z","evaluator_set":[{"name":"accuracy","version":"3"}],"expires_at":"2027-01-04T14:00:00Z","pins":[{"candidate":"diff://b3:ae5f0f4dd196d126b7cb193d024a2418b89251483296d3042704595dc59ef9f4","evidence":{"ci":{"accuracy":[-0.0001,0.0003]},"n_trials":2000},"function_id":"sigil://Shop@0123456789abcdef0123456789abcdef01234567/Shop.Pricing:Cart.Step0(int)#226699b51c04c3cedc10e1c4ca5b06ec94903a8d2c59aa60f157835490060541","metrics":{"accuracy":1,"p99_ms":0.91}}],"policy":{"constraints":{"accuracy":{"op":">=","value":0.999},"p99_ms":{"op":"<=","value":2}},"non_inferiority":{"delta":-0.0002,"metric":"accuracy"}},"schema":"sigil/manifest@0","sequence":7,"spec":"pricing","spec_digest":"spec://b3:27b4a909df84b7e16dfa4e36bd17e1b64b67f2e1dd9e56ee3397c549e2955d79","workspace":"v1","workspace_id":"ws://b3:953c2e923296e2e7ada79cff6215a8c496c2bff382c0fe98472d36b1b09ae2b4"}
        """;

    private const string GoldenId = "manifest://b3:f0844adf2797d7d13f4d00a094aea11b78b51a38a522555ce351574c9a32f613";

    private const string GoldenSignature =
        "base64:BBgXCTsh7ubOQi+gXcU41BU66mdPbzdXJp+DeaFxFPUOJYQpZjRGOm95CT1pj0BXGG0B+6seMyN3nRanzNTyAQ==";
}
