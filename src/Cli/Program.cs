return ParServerless.Cli.Commands.Run(args);
