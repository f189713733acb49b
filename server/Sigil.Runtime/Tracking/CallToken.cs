using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sigil.Runtime;

/// <summary>The measurements of one tracked call in flight; created by <see cref="PinTracker{TArgs,TResult}.Begin"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Auto)]
public struct CallToken
{
    internal long StartTimestamp;
    internal long ElapsedTicks;
    internal long StartAllocated;
    internal long Allocated;
    internal long CpuStart;
    internal long CpuNanoseconds;
    internal byte[]? EagerInputs;
}
