using System.Text.Json;
using Sigil.Manifests.Json;

namespace Sigil.Manifests.Keys;

/// <summary>
/// The JSON of <c>sigil.keys.json</c>: <c>{"schema": "sigil/keys@0", "keys": [{"key_id", "name", "public_key",
/// "added_at", "revoked_at", "revoked_reason"}]}</c>, public keys as standard base64 of their 32 raw bytes.
/// </summary>
internal static class TrustFile
{
    public const string Schema = "sigil/keys@0";

    public static byte[] Write(IReadOnlyList<TrustedKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("key_id", key.KeyId.Value);
                writer.WriteString("name", key.Name);
                writer.WriteString("public_key", Convert.ToBase64String(key.PublicKey.Span));
                writer.WriteString("added_at", Rfc3339.ToText(key.AddedAt));
                WriteNullable(writer, "revoked_at", key.RevokedAt is { } revoked ? Rfc3339.ToText(revoked) : null);
                WriteNullable(writer, "revoked_reason", key.RevokedReason);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads and validates the file's content; errors are <see cref="JsonShapeException"/>s with a path.</summary>
    public static IReadOnlyList<TrustedKey> Read(byte[] utf8)
    {
        using var document = JsonValues.Parse(utf8, "sigil.keys.json");
        var root = new JsonObjectReader(document.RootElement, "", "sigil.keys.json");
        var schema = root.String("schema");
        if (schema != Schema)
        {
            throw new JsonShapeException("schema", $"is '{schema}' but must be '{Schema}'.");
        }
        var keys = new List<TrustedKey>();
        var index = 0;
        foreach (var item in root.Array("keys").EnumerateArray())
        {
            var key = ReadEntry(new JsonObjectReader(item, $"keys[{index}]"));
            if (keys.FindIndex(k => k.KeyId == key.KeyId) is var first and >= 0)
            {
                throw new JsonShapeException($"keys[{index}].key_id", $"{key.KeyId} is listed twice (also keys[{first}]); keep one entry per key.");
            }
            keys.Add(key);
            index++;
        }
        root.EnsureNothingElse("sigil.keys.json");
        return keys;
    }

    private static TrustedKey ReadEntry(JsonObjectReader entry)
    {
        var keyIdText = entry.String("key_id");
        var name = entry.String("name");
        if (!KeyName.IsValid(name))
        {
            throw new JsonShapeException(entry.PathOf("name"), $"'{name}' is not a valid key name (a-z, 0-9, '.', '_', '-').");
        }
        var publicKey = KeyFile.Base64(entry.String("public_key"), entry.PathOf("public_key"), KeyId.PublicKeyLength);
        var keyId = KeyId.FromPublicKey(publicKey);
        if (keyIdText != keyId.Value)
        {
            throw new JsonShapeException(entry.PathOf("key_id"),
                $"is '{keyIdText}' but public_key hashes to '{keyId}'; the entry was edited by hand. Restore it or trust the key again.");
        }
        var addedAt = Rfc3339.Parse(entry.String("added_at"), entry.PathOf("added_at"));
        var revokedAt = entry.OptionalString("revoked_at") is { } text ? Rfc3339.Parse(text, entry.PathOf("revoked_at")) : (DateTimeOffset?)null;
        var reason = entry.OptionalString("revoked_reason");
        if ((revokedAt is null) != (reason is null))
        {
            throw new JsonShapeException(entry.PathOf(revokedAt is null ? "revoked_reason" : "revoked_at"),
                "revoked_at and revoked_reason must both be set (a revoked key) or both be null (a trusted key).");
        }
        // A trusted entry must hold a real key (see Ed25519Verifier.CheckPublicKey); a revoked one verifies nothing, so an
        // entry revoked before this check existed still loads and keeps refusing manifests signed with it.
        if (revokedAt is null && Ed25519Verifier.CheckPublicKey(publicKey) is { } problem)
        {
            throw new JsonShapeException(entry.PathOf("public_key"),
                $"is not a valid Ed25519 public key: {problem}; no manifest may be verified with it, so remove the entry (see how it got there with `git log -p {TrustStore.FileName}`).");
        }
        entry.EnsureNothingElse("a sigil.keys.json key entry");
        return new TrustedKey(keyId, name, publicKey, addedAt, revokedAt, reason);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
