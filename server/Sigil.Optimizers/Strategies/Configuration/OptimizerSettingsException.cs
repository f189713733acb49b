namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>
/// An optimizer name or setting that cannot be used: an unknown optimizer or parameter, or a value of the wrong type
/// or out of range. The message names the parameter, what was given and what is valid.
/// </summary>
public sealed class OptimizerSettingsException(string message) : Exception(message);
