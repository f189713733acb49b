namespace Sigil.Runtime.Tracking;

/// <summary>
/// A bounded multi-producer single-consumer ring (Vyukov's sequence-per-cell queue), preallocated so pushing
/// allocates nothing. A producer that finds it full waits for the consumer instead of dropping: no record is lost.
/// </summary>
internal sealed class SampleRing<T>
{
    private readonly Cell[] _cells;
    private readonly long _mask;
    private readonly Action _onFull;
    private PaddedCounter _enqueue;
    private PaddedCounter _dequeue;

    public SampleRing(int capacityPowerOfTwo, Action onFull)
    {
        if (capacityPowerOfTwo < 2 || (capacityPowerOfTwo & (capacityPowerOfTwo - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacityPowerOfTwo), "Capacity must be a power of two.");
        }
        _cells = new Cell[capacityPowerOfTwo];
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i].Sequence = i;
        }
        _mask = capacityPowerOfTwo - 1;
        _onFull = onFull;
    }

    /// <summary>How many items have been enqueued since creation.</summary>
    public long Enqueued => Volatile.Read(ref _enqueue.Value);

    public void Enqueue(in T item)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var position = Volatile.Read(ref _enqueue.Value);
            ref var cell = ref _cells[position & _mask];
            var sequence = Volatile.Read(ref cell.Sequence);
            var difference = sequence - position;
            if (difference == 0)
            {
                if (Interlocked.CompareExchange(ref _enqueue.Value, position + 1, position) == position)
                {
                    cell.Item = item;
                    Volatile.Write(ref cell.Sequence, position + 1);
                    return;
                }
            }
            else if (difference < 0)
            {
                _onFull();
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Single consumer only.</summary>
    public bool TryDequeue(out T item)
    {
        var position = _dequeue.Value;
        ref var cell = ref _cells[position & _mask];
        if (Volatile.Read(ref cell.Sequence) != position + 1)
        {
            item = default!;
            return false;
        }
        item = cell.Item;
        cell.Item = default!;
        Volatile.Write(ref cell.Sequence, position + _mask + 1);
        _dequeue.Value = position + 1;
        return true;
    }

    private struct Cell
    {
        public long Sequence;
        public T Item;
    }
}
