using System.Text.Json;

namespace Sigil.Manifests.Json;

/// <summary>
/// Strict reading of one JSON object with a known set of members: each member is read as a type at most once, and
/// <see cref="EnsureNothingElse"/> rejects every member that was not asked for. Errors name the member's path.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string path, string rootName = "document")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonShapeException(path.Length == 0 ? rootName : path, $"must be a JSON object but is {JsonValues.Describe(element)}.");
        }
        _element = element;
        Path = path;
    }

    /// <summary>This object's path ("" for the root).</summary>
    public string Path { get; }

    public string PathOf(string name) => JsonValues.Member(Path, name);

    public JsonElement Required(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var value)
            ? value
            : throw new JsonShapeException(PathOf(name), "is missing; it is a required field.");
    }

    /// <summary>The member's value, or null when it is absent or JSON null.</summary>
    public JsonElement? Optional(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public string String(string name) => JsonValues.NonEmptyString(Required(name), PathOf(name));

    public string? OptionalString(string name) => Optional(name) is { } value ? JsonValues.NonEmptyString(value, PathOf(name)) : null;

    public double Number(string name) => JsonValues.Number(Required(name), PathOf(name));

    public long Integer(string name, long minimum) => JsonValues.Integer(Required(name), PathOf(name), minimum);

    public JsonObjectReader Object(string name) => new(Required(name), PathOf(name));

    public JsonObjectReader? OptionalObject(string name) => Optional(name) is { } value ? new(value, PathOf(name)) : null;

    public JsonElement Array(string name) => JsonValues.Array(Required(name), PathOf(name));

    /// <summary>Every member, for objects that are maps with free keys (metrics, constraints).</summary>
    public IEnumerable<(string Name, JsonElement Value, string Path)> Members()
    {
        foreach (var property in _element.EnumerateObject())
        {
            _known.Add(property.Name);
            yield return (property.Name, property.Value, PathOf(property.Name));
        }
    }

    /// <summary>Rejects the first member that no read asked for.</summary>
    public void EnsureNothingElse(string allowedDescription)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                throw new JsonShapeException(PathOf(property.Name),
                    $"is not a field of {allowedDescription}; remove it (unknown fields are rejected so nothing unvalidated rides along).");
            }
        }
    }
}
