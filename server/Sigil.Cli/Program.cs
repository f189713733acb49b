using Sigil.Cli;

return SigilApp.Run(args);
