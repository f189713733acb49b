using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing.Tests.Support;

/// <summary>Publish requests and pins for the sample repository.</summary>
internal static class Requests
{
    public const string Branch = "sigil/publish-0123abcd4567";
    public const string Title = "Sigil: faster Root and SumSquares";
    public const string Body = "Manifest b3:0123abcd4567 approved by ada@example.test.\n# 2 pins, holdout confirmed";

    public static PinRewrite Root(string? approved = null) =>
        new(SampleSources.KernelsPath, SampleSources.RootPin, approved ?? SampleSources.RootApproved,
            "diff://b3:root1111", "Root: 3.10x faster (95% CI 2.9-3.3), 0/400 output mismatches");

    public static PinRewrite Sum(string? approved = null) =>
        new(SampleSources.KernelsPath, SampleSources.SumPin, approved ?? SampleSources.SumApproved,
            "diff://b3:sum22222", "SumSquares: 1.40x faster (95% CI 1.3-1.5)");

    public static PinRewrite Area() =>
        new(SampleSources.GeometryPath, SampleSources.AreaPin, SampleSources.AreaApproved, "diff://b3:area3333", "Area: 1.01x faster");

    public static PublishRequest For(TestRepository repository, params PinRewrite[] pins) =>
        new(repository.Root, Branch, Title, Body, pins, PatchPath(repository));

    public static string PatchPath(TestRepository repository) => Path.Combine(repository.Outside, "publish.patch");
}
