using System.Text;
using System.Text.Json;

namespace Sigil.Workspace.Serialization;

/// <summary>
/// Rewrites JSON text as <see cref="CanonicalJson"/>: keys sorted, no whitespace, minimal escaping, integers that fit
/// in 64 bits in decimal and other numbers in their shortest round-trip double form. So two spellings of the same
/// settings (<c>{"b":1.0, "a":2}</c> and <c>{"a":2,"b":1}</c>) give the same text, and the same run id.
/// </summary>
internal static class JsonCanonicalizer
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>The canonical text of <paramref name="json"/>, which must be one JSON object; else <c>null</c> with the reason.</summary>
    public static string? TryCanonicalizeObject(string json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"the text is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object (use {{}} for no settings).";
                return null;
            }
            return Encoding.UTF8.GetString(CanonicalJson.Serialize(ToTree(document.RootElement)));
        }
        catch (JsonException e)
        {
            problem = $"it is not valid JSON ({e.Message}).";
        }
        catch (Exception e) when (e is EncoderFallbackException or InvalidOperationException)
        {
            problem = "it holds a string that is not valid Unicode (an unpaired surrogate).";
        }
        catch (FormatException)
        {
            problem = "it holds a number too large for a double.";
        }
        return null;
    }

    private static object? ToTree(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToTree(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToTree).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
