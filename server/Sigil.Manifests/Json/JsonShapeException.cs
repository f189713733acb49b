namespace Sigil.Manifests.Json;

/// <summary>A JSON document whose shape is wrong at <see cref="Path"/>; callers wrap it in their own public exception.</summary>
internal sealed class JsonShapeException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>Where the problem is, e.g. <c>pins[1].candidate</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; } = problem;
}
