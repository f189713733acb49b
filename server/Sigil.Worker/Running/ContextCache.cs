namespace Sigil.Worker.Running;

/// <summary>The prepared contexts a worker keeps warm, least recently used dropped (and unloaded) beyond a few.</summary>
internal sealed class ContextCache
{
    private const int Capacity = 4;
    private readonly LinkedList<PreparedContext> _contexts = new();

    /// <summary>The context of that id, now the most recently used; null if not prepared (or dropped).</summary>
    public PreparedContext? Find(string id)
    {
        for (var node = _contexts.First; node is not null; node = node.Next)
        {
            if (node.Value.Request.ContextId != id) continue;
            _contexts.Remove(node);
            _contexts.AddFirst(node);
            return node.Value;
        }

        return null;
    }

    /// <summary>Adds (or replaces) a context, dropping the least recently used beyond the capacity.</summary>
    public void Add(PreparedContext context)
    {
        if (Find(context.Request.ContextId) is { } existing)
        {
            _contexts.Remove(existing);
            existing.Dispose();
        }

        _contexts.AddFirst(context);
        while (_contexts.Count > Capacity)
        {
            var last = _contexts.Last!.Value;
            _contexts.RemoveLast();
            last.Dispose();
        }
    }
}
