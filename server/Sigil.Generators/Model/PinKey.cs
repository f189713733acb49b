namespace Sigil.Generators.Model
{
    /// <summary>What call-site resolution needs of a pin.</summary>
    /// <param name="Name">Method name (syntax filter).</param>
    /// <param name="Key">Documentation comment id of the pin.</param>
    /// <param name="EvalKey">Documentation comment id of its eval (calls inside it stay direct), if resolved.</param>
    internal sealed record PinKey(string Name, string Key, string? EvalKey);
}
