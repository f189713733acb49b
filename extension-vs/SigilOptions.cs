using System.ComponentModel;
using Microsoft.VisualStudio.Shell;

namespace Sigil.VisualStudio;

/// <summary>Tools › Options › Sigil: the same settings as the VS Code extension's <c>sigil.*</c>.</summary>
public sealed class SigilOptions : DialogPage
{
    /// <summary>The page once the package loaded it.</summary>
    public static SigilOptions? Current { get; internal set; }

    [Category("Server"), DisplayName("Server path"), Description("sigil-lsp.dll to run; empty = the server bundled with the extension.")]
    public string ServerPath { get; set; } = "";

    [Category("Server"), DisplayName("dotnet path"), Description("The dotnet host that runs the server; empty = dotnet on PATH.")]
    public string DotnetPath { get; set; } = "";

    [Category("Runs"), DisplayName("LLM endpoint"), Description("An OpenAI-compatible base URL; empty = sigil.json's, else the rule-based generator only.")]
    public string LlmEndpoint { get; set; } = "";

    [Category("Runs"), DisplayName("Model"), Description("The model name sent to the endpoint.")]
    public string Model { get; set; } = "";

    [Category("Runs"), DisplayName("Optimizer"), Description("best-of-n, alphaevolve, annealing, bandit or mads.")]
    public string Optimizer { get; set; } = "best-of-n";

    [Category("Runs"), DisplayName("Iterations"), Description("Trials per pin.")]
    public int Iterations { get; set; } = 20;

    [Category("Trust"), DisplayName("Signing key"), Description("The key name promote signs with (sigil keys list).")]
    public string PromoteKey { get; set; } = "";
}
