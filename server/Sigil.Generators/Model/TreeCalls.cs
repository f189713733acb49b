namespace Sigil.Generators.Model
{
    /// <summary>The resolved pin calls and other pin uses of one syntax tree.</summary>
    internal sealed record TreeCalls(EquatableArray<CallSiteModel> Calls, EquatableArray<PinUseModel> Uses)
    {
        public static readonly TreeCalls Empty = new TreeCalls(EquatableArray<CallSiteModel>.Empty, EquatableArray<PinUseModel>.Empty);
    }
}
