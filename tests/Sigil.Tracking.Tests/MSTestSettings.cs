[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

// These tests exercise Unix file modes (sealed segments); CI runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
