namespace ParServerless.Cli;

internal static class Commands
{
    public static int Run(string[] args)
    {
        Console.WriteLine("usage: parserverless demo");
        return args.Length == 0 ? 0 : 2;
    }
}
