using System.Text.Json;

namespace Sigil.Projects.Config;

/// <summary>Reads and writes <c>sigil.json</c> by dotted keys, validating every value before anything is written.</summary>
public static class ConfigStore
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The settable keys and what each accepts.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["project"] = "the .csproj file, relative to the project root",
        ["llm.base_url"] = "an http(s) URL of an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1",
        ["llm.model"] = "a model name",
        ["llm.api_key_env"] = "the name of the environment variable holding the API key",
        ["resolver.mode"] = "off, dev or prod",
        ["resolver.manifest"] = "the manifest file, relative to the project root",
    };

    /// <summary>Loads <c>sigil.json</c>.</summary>
    public static SigilConfig Load(SigilPaths paths)
    {
        try
        {
            return JsonSerializer.Deserialize<SigilConfig>(File.ReadAllBytes(paths.ConfigPath), s_json) ?? new SigilConfig();
        }
        catch (JsonException ex)
        {
            throw new SigilProjectException($"{paths.ConfigPath} is not valid JSON ({ex.Message}); fix it by hand or delete it and run 'sigil init'.", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new SigilProjectException($"{paths.ConfigPath} is missing; run 'sigil init'.", ex);
        }
    }

    /// <summary>Writes <c>sigil.json</c> atomically.</summary>
    public static void Save(SigilPaths paths, SigilConfig config)
    {
        var temp = paths.ConfigPath + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(config, s_json));
        File.Move(temp, paths.ConfigPath, overwrite: true);
    }

    /// <summary>Every key with its current value (null when unset).</summary>
    public static IReadOnlyDictionary<string, string?> List(SigilConfig config) =>
        Keys.Keys.ToDictionary(key => key, key => Get(config, key), StringComparer.Ordinal);

    /// <summary>The value of one key.</summary>
    public static string? Get(SigilConfig config, string key) => key switch
    {
        "project" => config.Project,
        "llm.base_url" => config.Llm.BaseUrl,
        "llm.model" => config.Llm.Model,
        "llm.api_key_env" => config.Llm.ApiKeyEnv,
        "resolver.mode" => config.Resolver.Mode,
        "resolver.manifest" => config.Resolver.Manifest,
        _ => throw UnknownKey(key),
    };

    /// <summary>A copy of <paramref name="config"/> with one key set; throws <see cref="SigilProjectException"/> on a bad key or value.</summary>
    public static SigilConfig Set(SigilConfig config, string key, string value)
    {
        value = value.Trim();
        return key switch
        {
            "project" => config with { Project = Require(key, value, value.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) },
            "llm.base_url" => config with { Llm = config.Llm with { BaseUrl = Require(key, value, IsHttpUrl(value)) } },
            "llm.model" => config with { Llm = config.Llm with { Model = Require(key, value, value.Length > 0) } },
            "llm.api_key_env" => config with { Llm = config.Llm with { ApiKeyEnv = Require(key, value, IsEnvName(value)) } },
            "resolver.mode" => config with { Resolver = config.Resolver with { Mode = Require(key, value, value is "off" or "dev" or "prod") } },
            "resolver.manifest" => config with { Resolver = config.Resolver with { Manifest = Require(key, value, value.Length > 0) } },
            _ => throw UnknownKey(key),
        };
    }

    private static string Require(string key, string value, bool valid) =>
        valid ? value : throw new SigilProjectException($"'{value}' is not a valid value for {key}: expected {Keys[key]}. Nothing was changed.");

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsEnvName(string value) =>
        value.Length > 0 && !char.IsDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static SigilProjectException UnknownKey(string key) =>
        new($"Unknown setting '{key}'. Known settings: {string.Join(", ", Keys.Keys)}.");
}
