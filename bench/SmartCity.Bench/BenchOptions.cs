namespace SmartCity.Bench;

/// <summary>Command line: <c>--connection</c>, <c>--app</c> (the built SmartCity.Web.dll), <c>--out</c>, <c>--quick</c>.</summary>
internal sealed record BenchOptions(string Connection, string AppDll, string OutFile, bool Quick)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new BenchOptions(
            Value("--connection") ?? throw new ArgumentException("--connection is required"),
            Value("--app") ?? throw new ArgumentException("--app is required"),
            Value("--out") ?? "artifacts/bench/results.md",
            args.Contains("--quick"));
    }
}
