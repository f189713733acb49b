using System.Text.Json;
using Sigil.Manifests.Json;

namespace Sigil.Manifests.Keys;

/// <summary>
/// The JSON of one <c>&lt;name&gt;.key</c> file: <c>{"name", "key_id", "created_at", "private_key"}</c>, the private
/// key as standard base64 of its 32 raw bytes.
/// </summary>
internal static class KeyFile
{
    public static byte[] Write(SigningKey key)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", key.Name);
            writer.WriteString("key_id", key.KeyId.Value);
            writer.WriteString("created_at", Rfc3339.ToText(key.CreatedAt));
            writer.WriteString("private_key", Convert.ToBase64String(key.ExportPrivateKey()));
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads the public fields; <paramref name="privateKey"/> gets the raw private key.</summary>
    public static SigningKeyInfo Read(byte[] utf8, string path, string expectedName, out byte[] privateKey)
    {
        try
        {
            using var document = JsonValues.Parse(utf8, "key file");
            var reader = new JsonObjectReader(document.RootElement, "", "key file");
            var name = reader.String("name");
            if (name != expectedName)
            {
                throw new JsonShapeException("name", $"is '{name}' but the file is named '{expectedName}.key'; rename one so they agree.");
            }
            var keyIdText = reader.String("key_id");
            var keyId = KeyId.TryParse(keyIdText, out var parsed) ? parsed! : throw new JsonShapeException("key_id", $"'{keyIdText}' is not a key id.");
            var createdAt = Rfc3339.Parse(reader.String("created_at"), "created_at");
            privateKey = Base64(reader.String("private_key"), "private_key", SigningKey.PrivateKeyLength);
            reader.EnsureNothingElse("a Sigil key file");
            return new SigningKeyInfo(name, keyId, createdAt, path);
        }
        catch (JsonShapeException e)
        {
            throw new KeyStoreException($"Key file '{path}' is damaged: {e.Message} Restore it from your backup or create a new key.");
        }
    }

    public static byte[] Base64(string text, string path, int length)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new JsonShapeException(path, "is not valid base64.");
        }
        return bytes.Length == length ? bytes : throw new JsonShapeException(path, $"decodes to {bytes.Length} bytes; it must be {length}.");
    }
}
