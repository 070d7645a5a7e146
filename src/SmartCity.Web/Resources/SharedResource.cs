namespace SmartCity.Web.Resources;

/// <summary>Marker for the portal's UI texts: <c>SharedResource.resx</c> (Bahasa Indonesia, default) and <c>SharedResource.en.resx</c>.</summary>
public sealed class SharedResource;
