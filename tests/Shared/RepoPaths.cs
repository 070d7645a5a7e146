namespace SmartCity.Testing;

public static class RepoPaths
{
    /// <summary>The repository root (the folder holding SmartCity.sln), found from the test assembly's folder.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartCity.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("SmartCity.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ReferenceData => Path.Combine(Root, "data", "reference");

    /// <summary>A temporary folder with provinces.csv and the first <paramref name="regencyCount"/> regencies plus the demo ones.</summary>
    public static string SmallReferenceData(int regencyCount, params string[] alwaysInclude)
    {
        var folder = Directory.CreateTempSubdirectory("smartcity-ref-").FullName;
        File.Copy(Path.Combine(ReferenceData, "provinces.csv"), Path.Combine(folder, "provinces.csv"));
        var lines = File.ReadAllLines(Path.Combine(ReferenceData, "regencies.csv"));
        var wanted = lines.Skip(1).Where(l => alwaysInclude.Any(code => l.StartsWith(code + ",", StringComparison.Ordinal))).ToList();
        wanted.AddRange(lines.Skip(1).Where(l => !wanted.Contains(l)).Take(regencyCount - wanted.Count));
        File.WriteAllLines(Path.Combine(folder, "regencies.csv"), [lines[0], .. wanted]);
        return folder;
    }
}
