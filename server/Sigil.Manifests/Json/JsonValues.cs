using System.Text.Json;

namespace Sigil.Manifests.Json;

/// <summary>Strict conversions of single JSON values, each failing with a <see cref="JsonShapeException"/> at a path.</summary>
internal static class JsonValues
{
    /// <summary>The largest integer a double holds exactly; JCS writes every number as a double.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private static readonly JsonDocumentOptions StrictOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>Parses UTF-8 JSON, rejecting duplicate keys; the caller disposes the document.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            return JsonDocument.Parse(utf8, StrictOptions);
        }
        catch (JsonException e)
        {
            throw new JsonShapeException(what, $"is not valid JSON or repeats a key ({e.Message}).");
        }
    }

    public static string String(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new JsonShapeException(path, $"must be a string but is {Describe(value)}.");
        }
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonShapeException(path, "is not a valid Unicode string.");
        }
    }

    public static string NonEmptyString(JsonElement value, string path)
    {
        var text = String(value, path);
        return text.Trim().Length > 0 ? text : throw new JsonShapeException(path, "must not be empty.");
    }

    public static double Number(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new JsonShapeException(path, $"must be a number but is {Describe(value)}.");
        }
        return value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new JsonShapeException(path, $"the number {value.GetRawText()} is outside the range of a double.");
    }

    public static long Integer(JsonElement value, string path, long minimum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new JsonShapeException(path, $"must be an integer but is {Describe(value)}.");
        }
        return number >= minimum && number <= MaxSafeInteger
            ? number
            : throw new JsonShapeException(path, $"must be an integer from {minimum} to {MaxSafeInteger} but is {number}.");
    }

    public static JsonElement Array(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array ? value : throw new JsonShapeException(path, $"must be an array but is {Describe(value)}.");

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetRawText().Trim('"'))}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>The path of a member: <c>a.b</c>, or <c>a["odd key"]</c> when the key is not a plain identifier.</summary>
    public static string Member(string parent, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        var segment = plain ? name : $"[{JsonSerializer.Serialize(name)}]";
        return parent.Length == 0 ? segment : plain ? $"{parent}.{segment}" : parent + segment;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
