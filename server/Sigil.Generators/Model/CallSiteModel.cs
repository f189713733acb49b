namespace Sigil.Generators.Model
{
    /// <summary>A call of a pin to intercept.</summary>
    /// <param name="PinKey">Documentation comment id of the called pin.</param>
    /// <param name="Attribute">The [InterceptsLocation(version, data)] attribute text for this call.</param>
    /// <param name="Display">file(line,column) of the call, for a comment next to the attribute.</param>
    /// <param name="FilePath">For stable ordering.</param>
    /// <param name="Position">For stable ordering.</param>
    internal sealed record CallSiteModel(string PinKey, string Attribute, string Display, string FilePath, int Position);
}
