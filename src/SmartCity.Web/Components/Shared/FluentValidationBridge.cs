using FluentValidation;

namespace SmartCity.Web.Components.Shared;

/// <summary>The one FluentValidation → MudForm bridge: validates the one property a field is bound to (<c>For</c>).</summary>
public static class FluentValidationBridge
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(IValidator<T> validator) => async (model, property) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(property)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
