using System.Text.Json;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// Dev mode's local overrides, <c>.sigil/resolver/overrides.json</c>: <c>{"pins": {"Kernels.Root(double)": "baseline"}}</c>
/// forces the named pins (by qualname) to their baselines whatever the manifest says. Each override is logged; a
/// damaged file is logged and ignored.
/// </summary>
internal static class DevOverrides
{
    public static IReadOnlyList<(string QualifiedName, string Why)> Read(string path, ResolverLog log)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("pins", out var pins) || pins.ValueKind != JsonValueKind.Object)
            {
                log.Write("warning", null, $"{path} must be {{\"pins\": {{\"Type.Method(params)\": \"baseline\"}}}}; ignored.");
                return [];
            }
            var result = new List<(string, string)>();
            foreach (var pin in pins.EnumerateObject())
            {
                if (pin.Value.ValueKind == JsonValueKind.String && pin.Value.GetString() == "baseline")
                {
                    result.Add((pin.Name, "overrides.json"));
                }
                else
                {
                    log.Write("warning", null, $"{path}: {pin.Name} must be \"baseline\" (the only override); ignored.");
                }
            }
            return result;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            log.Write("warning", null, $"{path} cannot be read ({e.Message}); ignored.");
            return [];
        }
    }
}
