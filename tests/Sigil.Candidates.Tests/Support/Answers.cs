namespace Sigil.Candidates.Tests.Support;

/// <summary>Builds SEARCH/REPLACE answers the way an LLM writes them.</summary>
internal static class Answers
{
    public static string Block(string search, string replace, string? path = null) =>
        (path is null ? "" : path + "\n")
        + "<<<<<<< SEARCH\n" + Lines(search) + "=======\n" + Lines(replace) + ">>>>>>> REPLACE\n";

    public static string Prose(params string[] blocks) =>
        "Sure! Here is the change.\n\n" + string.Join("\n", blocks) + "\nThis should be faster.\n";

    private static string Lines(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
}
