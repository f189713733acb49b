namespace Sigil.Workspace.Serialization;

/// <summary>A serialized record (archive entry) is not in the expected JSON shape; the message says where.</summary>
internal sealed class RecordFormatException(string message) : Exception(message);
