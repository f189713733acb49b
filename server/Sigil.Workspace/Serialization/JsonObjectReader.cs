using System.Text.Json;

namespace Sigil.Workspace.Serialization;

/// <summary>
/// Strict reading of one JSON object: every property must be read exactly as typed, and
/// <see cref="EnsureNothingElse"/> rejects the ones that were not. Errors are <see cref="RecordFormatException"/>s
/// naming the property path.
/// </summary>
internal sealed class JsonObjectReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly JsonElement _element;
    private readonly string _path;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RecordFormatException($"'{path}' must be a JSON object but is {Describe(element)}.");
        }
        _element = element;
        _path = path;
    }

    /// <summary>Parses <paramref name="utf8"/> and runs <paramref name="read"/> over its root object.</summary>
    public static T Parse<T>(ReadOnlyMemory<byte> utf8, Func<JsonObjectReader, T> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new RecordFormatException($"it is not valid JSON ({e.Message}).");
        }
        using (document)
        {
            return read(new JsonObjectReader(document.RootElement, "$"));
        }
    }

    public string String(string name) => StringOrNull(name) ?? throw Error(name, "must be a string, not null");

    public string? StringOrNull(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => null,
            _ => throw Error(name, $"must be a string but is {Describe(value)}"),
        };
    }

    public bool Boolean(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"must be true or false but is {Describe(value)}"),
        };
    }

    public long Int64(string name) => Int64OrNull(name) ?? throw Error(name, "must be an integer, not null");

    public long? Int64OrNull(string name)
    {
        var value = Get(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Error(name, $"must be an integer but is {Describe(value)}");
    }

    public bool? BooleanOrNull(string name) => Get(name).ValueKind == JsonValueKind.Null ? null : Boolean(name);

    public int Int32(string name)
    {
        var value = Int64(name);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(name, $"must be a 32-bit integer but is {value}");
    }

    /// <summary>A canonical double: a number, or <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    public double Double(string name) => ReadDouble(name, Get(name));

    public double? DoubleOrNull(string name)
    {
        var value = Get(name);
        return value.ValueKind == JsonValueKind.Null ? null : ReadDouble(name, value);
    }

    /// <summary>An array of strings.</summary>
    public List<string> StringArray(string name) => Array(name)
        .Select((item, i) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw Error($"{name}[{i}]", $"must be a string but is {Describe(item)}"))
        .ToList();

    public DateTimeOffset Timestamp(string name)
    {
        var text = String(name);
        return Timestamps.TryParse(text, out var value)
            ? value
            : throw Error(name, $"must be a UTC timestamp like 2025-09-07T21:15:00.0000000Z but is '{text}'");
    }

    public JsonObjectReader Object(string name) => new(Get(name), $"{_path}.{name}");

    public IReadOnlyList<JsonElement> Array(string name)
    {
        var value = Get(name);
        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw Error(name, $"must be an array but is {Describe(value)}");
    }

    /// <summary>Every property of this object as strings (for string maps).</summary>
    public SortedDictionary<string, string> StringMap()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            _read.Add(property.Name);
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw Error(property.Name, $"must be a string but is {Describe(property.Value)}");
        }
        return map;
    }

    /// <summary>Every property of this object as canonical doubles (for metric maps).</summary>
    public SortedDictionary<string, double> DoubleMap()
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            _read.Add(property.Name);
            map[property.Name] = ReadDouble(property.Name, property.Value);
        }
        return map;
    }

    public void EnsureNothingElse()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw new RecordFormatException($"'{_path}' has an unknown property '{property.Name}'.");
            }
        }
    }

    private double ReadDouble(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
        JsonValueKind.String when value.GetString() == "NaN" => double.NaN,
        JsonValueKind.String when value.GetString() == "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when value.GetString() == "-Infinity" => double.NegativeInfinity,
        _ => throw Error(name, $"must be a number (or \"NaN\", \"Infinity\", \"-Infinity\") but is {Describe(value)}"),
    };

    private JsonElement Get(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value)
            ? value
            : throw new RecordFormatException($"'{_path}' is missing the required property '{name}'.");
    }

    private RecordFormatException Error(string name, string problem) => new($"'{_path}.{name}' {problem}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
