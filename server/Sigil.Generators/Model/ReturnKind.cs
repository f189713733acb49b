namespace Sigil.Generators.Model
{
    /// <summary>How a pin returns: directly, nothing, or through an awaitable the interceptor awaits.</summary>
    internal enum ReturnKind
    {
        Value,
        Void,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }
}
