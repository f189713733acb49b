namespace Sigil.Manifests.Model;

/// <summary>A manifest that is not a valid <c>sigil/manifest@0</c>; the message starts with the JSON path of the first problem.</summary>
public sealed class ManifestFormatException(string path, string problem) : FormatException($"{path}: {problem}")
{
    /// <summary>Where the first problem is, e.g. <c>pins[1].candidate</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong there.</summary>
    public string Problem { get; } = problem;
}
