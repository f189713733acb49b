using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sigil.Manifests.Canonical;
using Sigil.Manifests.Json;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;

namespace Sigil.Manifests.Verification;

/// <summary>
/// Verifies a manifest exactly as a resolver must before applying it, and names the first failure: format, id,
/// signer (known, not revoked), signature, validity window, sequence, then per pin the ABI and the policy. Reads the
/// trusted keys through <see cref="ITrustedKeys"/> (a damaged trust store throws <see cref="TrustStoreException"/>)
/// and the time from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ManifestVerifier(ITrustedKeys trustedKeys, TimeProvider? timeProvider = null)
{
    private readonly ITrustedKeys _trustedKeys = trustedKeys ?? throw new ArgumentNullException(nameof(trustedKeys));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Verifies a manifest given as JSON text.</summary>
    public VerificationResult Verify(string json, VerificationOptions options) => Verify(Encoding.UTF8.GetBytes(json), options);

    /// <summary>Verifies a manifest given as UTF-8 JSON.</summary>
    public VerificationResult Verify(ReadOnlyMemory<byte> utf8Json, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ManifestDocument document;
        JsonDocument parsed;
        try
        {
            document = ManifestDocument.Parse(utf8Json);
            parsed = JsonDocument.Parse(utf8Json);
        }
        catch (Exception e) when (e is ManifestFormatException or JsonException)
        {
            return VerificationResult.Failure(VerificationCodes.Malformed, $"Not a valid {ManifestDocument.SchemaName}: {e.Message}");
        }
        using var _ = parsed;
        var node = parsed.RootElement;
        try
        {
            if (CheckId(document, node) is { } idFailure)
            {
                return idFailure;
            }
            var keyId = KeyId.Parse(document.Signature!.KeyId);
            var trusted = _trustedKeys.Find(keyId);
            return CheckSigner(keyId, trusted)
                ?? CheckSignature(document, node, trusted!)
                ?? CheckValidity(document, options)
                ?? CheckSequence(document, options)
                ?? CheckAbi(document, options)
                ?? PolicyCheck.FirstViolation(document)
                ?? ArtifactCheck.Read(document, options);
        }
        catch (CanonicalJsonException e)
        {
            return VerificationResult.Failure(VerificationCodes.Malformed, $"The manifest has no canonical form: {e.Message}");
        }
    }

    /// <summary>How messages name a pin: its index and function, e.g. <c>pins[1] (Shop.Pricing:Cart.Total(int))</c>.</summary>
    internal static string Label(ManifestPin pin, int index) =>
        $"pins[{index}] ({pin.FunctionId.Module}:{pin.FunctionId.QualifiedName})";

    private static VerificationResult? CheckId(ManifestDocument document, JsonElement node)
    {
        var computed = ManifestCanonicalForm.ComputeId(node);
        return computed == document.ManifestId
            ? null
            : VerificationResult.Failure(VerificationCodes.IdMismatch,
                $"manifest_id is {document.ManifestId} but the content hashes to {computed}: the manifest was changed after it was made. Use the original file, or promote a new manifest.");
    }

    private static VerificationResult? CheckSigner(KeyId keyId, TrustedKey? trusted)
    {
        if (trusted is null)
        {
            return VerificationResult.Failure(VerificationCodes.UnknownKey,
                $"The manifest is signed by key {keyId}, which is not in the trust store ({TrustStore.FileName}). If you trust its holder, add the public key with `sigil keys trust`.");
        }
        if (trusted.IsRevoked)
        {
            return VerificationResult.Failure(VerificationCodes.RevokedKey,
                $"The manifest is signed by key {keyId} ('{trusted.Name}'), revoked at {Rfc3339.ToText(trusted.RevokedAt!.Value)} ({trusted.RevokedReason}). Re-sign it with a trusted key.");
        }
        return null;
    }

    private static VerificationResult? CheckSignature(ManifestDocument document, JsonElement node, TrustedKey trusted) =>
        Ed25519Verifier.Verify(trusted.PublicKey.Span, ManifestCanonicalForm.SigningInput(node), document.Signature!.SignatureBytes())
            ? null
            : VerificationResult.Failure(VerificationCodes.BadSignature,
                $"The Ed25519 signature does not verify with key {trusted.KeyId} ('{trusted.Name}'): the manifest or its signature was altered. Use the original file.");

    private VerificationResult? CheckValidity(ManifestDocument document, VerificationOptions options)
    {
        var now = _time.GetUtcNow();
        if (document.CreatedAt > now + options.ClockSkew)
        {
            return VerificationResult.Failure(VerificationCodes.NotYetValid,
                $"created_at {Rfc3339.ToText(document.CreatedAt)} is in the future (now {Rfc3339.ToText(now)}, allowed skew {options.ClockSkew}); check this machine's clock or the signer's.");
        }
        return now > document.ExpiresAt
            ? VerificationResult.Failure(VerificationCodes.Expired,
                $"The manifest expired at {Rfc3339.ToText(document.ExpiresAt)} (now {Rfc3339.ToText(now)}); promote a fresh manifest.")
            : null;
    }

    private static VerificationResult? CheckSequence(ManifestDocument document, VerificationOptions options)
    {
        if ((options.LastApplied ?? options.LastAppliedFor?.Invoke(document.Spec)) is not { } last)
        {
            return null;
        }
        if (document.Sequence < last.Sequence)
        {
            return VerificationResult.Failure(VerificationCodes.ReplayedSequence,
                $"sequence {document.Sequence} is below the last applied {last.Sequence} ({last.ManifestId}); an older manifest is never applied again. Promote a new one with a higher sequence.");
        }
        return document.Sequence == last.Sequence && document.ManifestId != last.ManifestId
            ? VerificationResult.Failure(VerificationCodes.ReplayedSequence,
                $"sequence {document.Sequence} was already applied as {last.ManifestId}, a different manifest; two manifests may not share a sequence. Promote with sequence {last.Sequence + 1}.")
            : null;
    }

    private static VerificationResult? CheckAbi(ManifestDocument document, VerificationOptions options)
    {
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            var current = options.CurrentAbiHash(pin.FunctionId);
            if (current == pin.FunctionId.AbiHash)
            {
                continue;
            }
            var message = current is null
                ? $"{Label(pin, i)} no longer exists in the current build; run and promote a new manifest for it."
                : $"{Label(pin, i)} was approved for abi-hash {pin.FunctionId.AbiHash} but the current build has {current}: its signature or code changed. Run and promote again.";
            return VerificationResult.Failure(VerificationCodes.AbiMismatch, message, pin.FunctionId.ToString());
        }
        return null;
    }
}
