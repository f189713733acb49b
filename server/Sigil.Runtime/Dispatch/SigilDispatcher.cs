using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sigil.Runtime;

/// <summary>
/// The gate every generated interceptor checks first. While it is false (tracker off, nothing served), a pinned
/// call costs one volatile read on top of the direct call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SigilDispatcher
{
    private static volatile bool s_active;

    /// <summary>True when a pinned call must take the slow path (the tracker is on).</summary>
    public static bool Active
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_active;
    }

    internal static void SetActive(bool active) => s_active = active;
}
