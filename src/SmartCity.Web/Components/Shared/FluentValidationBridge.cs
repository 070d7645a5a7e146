using FluentValidation;

namespace SmartCity.Web.Components.Shared;

/// <summary>The one FluentValidation → MudForm bridge: validates the one property a field is bound to (<c>For</c>).</summary>
public static class FluentValidationBridge
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(IValidator<T> validator) =>
        (model, property) => ForProperty(validator, (T)model, property)();

    /// <summary>The rules of one property of one model, for fields that are not bound with <c>For</c> (e.g. <see cref="DecimalField"/>).</summary>
    public static Func<Task<IEnumerable<string>>> ForProperty<T>(IValidator<T> validator, T model, string property) => async () =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions(model, options => options.IncludeProperties(property)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
