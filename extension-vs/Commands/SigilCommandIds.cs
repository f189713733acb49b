using System;

namespace Sigil.VisualStudio.Commands;

/// <summary>The ids of SigilPackage.vsct (keep both in step).</summary>
internal static class SigilCommandIds
{
    public static readonly Guid CommandSet = new("3d9e6c1a-8b2f-4f7e-a6d1-5c0b9e2f4a71");

    public const int RunOptimization = 0x0100;
    public const int Promote = 0x0101;
    public const int Publish = 0x0102;
    public const int StartTracker = 0x0103;
    public const int StopTracker = 0x0104;
}
