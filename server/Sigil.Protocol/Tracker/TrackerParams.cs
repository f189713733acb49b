namespace Sigil.Protocol.Tracker;

/// <summary>The params of <c>sigil/tracker/start|stop|status</c>: none (an empty object or absent).</summary>
public sealed record TrackerParams;
