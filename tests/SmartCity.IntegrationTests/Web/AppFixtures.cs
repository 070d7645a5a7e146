using SmartCity.Testing;

namespace SmartCity.IntegrationTests.Web;

/// <summary>The portal with the full reference lists (514 regencies) and demo data.</summary>
public sealed class NationalApp : SmartCityFactory;

/// <summary>The same portal with only 10 regencies (the three demo ones among them), to prove costs do not grow with data.</summary>
public sealed class SmallApp : SmartCityFactory
{
    private readonly string _folder = RepoPaths.SmallReferenceData(10, "33.20", "35.17", "33.27");

    protected override string? ReferenceDataPath => _folder;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }
}
