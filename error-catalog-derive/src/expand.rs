//! Code generation from checked input.
//!
//! The expansion stays thin: one `const` table of `ErrorSpec`s, one small match from a
//! value to its row, and matches only for the variants that need them (interpolated
//! messages, details, sources, `Retry-After` fields). Envelopes, serialization and exports
//! are ordinary code in the runtime crate.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr, Member};

use crate::ast::{Field, Input, Shape, Variant};
use crate::attr::Example;
use crate::check::{self, Checked};
use crate::ctxt::Errors;
use crate::fallback;
use crate::template::Piece;
use crate::types;

pub fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = Input::from_syn(node, &mut errors);
    let checked = check::check(&input, &mut errors);
    match errors.finish() {
        Some(error) => {
            let fallback = fallback::expand(&input);
            let errors = error.to_compile_error();
            quote! { #errors #fallback }
        }
        None => expand(&input, &checked),
    }
}

/// `::error_catalog`, or the path given with `#[api_error(crate = "..")]`.
pub fn krate(input: &Input) -> TokenStream {
    match &input.attrs.krate {
        Some(path) => quote!(#path),
        None => quote!(::error_catalog),
    }
}

fn expand(input: &Input, checked: &[Checked]) -> TokenStream {
    let krate = krate(input);
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let bounds = Bounds::new(input, checked);

    let category = category(input);
    let specs = checked.iter().map(|entry| spec(input, entry));
    let count = checked.len();
    let index_arms = checked.iter().enumerate().map(|(index, entry)| {
        let pattern = pattern(input, entry.variant, &[]);
        quote!(#pattern => #index,)
    });
    let message_body = message_body(input, checked);
    let fields_fn = fields_fn(input, checked, &bounds);

    let api_where = Bounds::where_clause(
        input,
        &[
            &bounds.details,
            &bounds.message,
            &bounds.sources,
            &bounds.headers,
        ],
        true,
    );
    let fmt_message = if input.thiserror {
        message_body.as_ref().map(|body| {
            quote! {
                fn fmt_message(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                    #body
                }
            }
        })
    } else {
        message_body.as_ref().map(|_| {
            quote! {
                #[inline]
                fn fmt_message(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                    __ec::core::fmt::Display::fmt(self, __f)
                }
            }
        })
    };
    let visit_details = visit_details(checked);
    let list_fields = list_fields(input, checked, fields_fn.is_some());
    let retry_after = retry_after(input, checked);
    let add_headers = add_headers(input, checked);

    let std_impls = if input.thiserror {
        None
    } else {
        Some(std_impls(input, checked, &bounds, message_body.as_ref()))
    };
    let uniqueness = crate_uniqueness(input, checked);
    let integrations = integrations(input);

    quote! {
        #[allow(non_local_definitions)]
        const _: () = {
            use #krate::__private as __ec;

            static __CATEGORY: __ec::Category = #category;
            // Statics, not consts: a const table would be evaluated again (its promoted
            // slices interned and validated) in every crate that reads it in a const,
            // such as `catalog!`; a static is evaluated once, here.
            static __SPECS: [__ec::ErrorSpec; #count] = [#(#specs),*];

            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                /// Every error code of this type, in declaration order.
                pub const CATALOG: &'static [__ec::ErrorSpec] = &__SPECS;

                #[inline]
                fn __error_catalog_index(&self) -> usize {
                    // `*self`: an enum without variants matches with no arms.
                    match *self {
                        #(#index_arms)*
                    }
                }

                #fields_fn
            }

            #[automatically_derived]
            impl #impl_generics __ec::ErrorCatalog for #ident #ty_generics #where_clause {
                const CATALOG: &'static [__ec::ErrorSpec] = Self::CATALOG;
            }

            #[automatically_derived]
            impl #impl_generics __ec::ApiError for #ident #ty_generics #api_where {
                #[inline]
                fn spec(&self) -> &'static __ec::ErrorSpec {
                    &Self::CATALOG[self.__error_catalog_index()]
                }
                #[inline]
                fn as_api_error(&self) -> &dyn __ec::ApiError {
                    self
                }
                #fmt_message
                #visit_details
                #list_fields
                #retry_after
                #add_headers
            }

            #std_impls
            #integrations
        };
        #uniqueness
    }
}

/// One call to the runtime's `__impl_integrations!`, which implements the framework
/// traits of every enabled cargo feature of `error-catalog` (axum's `IntoResponse`,
/// actix-web's `ResponseError`, ...) and expands to nothing when none is enabled.
/// Its input: `[impl generics] Type [type generics] [where predicates,]`.
pub fn integrations(input: &Input) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = input
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| clause.predicates.iter());
    quote! {
        __ec::__impl_integrations! {
            [#impl_generics] #ident [#ty_generics] [#(#predicates,)*]
        }
    }
}

/// The `Category` value shared by every spec of the type.
fn category(input: &Input) -> TokenStream {
    let name = input.ident.unraw().to_string();
    let doc = &input.doc;
    let format = format_ident!(
        "{}",
        match input.attrs.format.as_deref() {
            Some("nested") => "Nested",
            Some("flat") => "Flat",
            Some("compact") => "Compact",
            Some("google") => "Google",
            _ => "Problem",
        }
    );
    let docs = option_str(input.attrs.docs.as_ref().map(LitStr::value).as_deref());
    let domain = option_str(input.attrs.domain.as_ref().map(LitStr::value).as_deref());
    quote! {
        __ec::Category {
            name: #name,
            doc: #doc,
            format: __ec::Format::#format,
            docs: #docs,
            domain: #domain,
        }
    }
}

fn spec(input: &Input, entry: &Checked) -> TokenStream {
    let variant = entry.variant;
    let Checked {
        code,
        status,
        retryable,
        title,
        message,
        ..
    } = entry;
    let description = &variant.doc;
    let resolution = option_str(
        variant
            .attrs
            .resolution
            .as_ref()
            .map(LitStr::value)
            .as_deref(),
    );
    let causes: Vec<&LitStr> = variant.attrs.causes.iter().flatten().collect();
    let causes = if causes.is_empty() {
        quote!(__ec::NO_CAUSES)
    } else {
        quote!(&[#(#causes),*])
    };
    let retry_after = match variant.attrs.retry_after {
        Some(secs) => quote!(__ec::Some(#secs)),
        None => quote!(__ec::None),
    };
    let fields: Vec<TokenStream> = variant
        .fields
        .iter()
        .filter(|field| field.is_detail())
        .map(field_spec)
        .collect();
    let fields = if fields.is_empty() {
        quote!(__ec::NO_FIELDS)
    } else {
        quote!(&[#(#fields),*])
    };
    let name = variant.ident.unraw().to_string();
    let docs_url = input
        .attrs
        .docs
        .as_ref()
        .map(|base| docs_url(&base.value(), code));
    // Lets the runtime write these texts into JSON without formatting or escaping them.
    let literal_message = literal(entry);
    let plain_text = [
        Some(code.as_str()),
        Some(title.as_str()),
        Some(message.as_str()),
        docs_url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .all(json_plain);
    let docs_url = option_str(docs_url.as_deref());
    let parsed = parsed_message(input, entry);
    let headers: Vec<&LitStr> = variant
        .fields
        .iter()
        .filter_map(|field| field.attrs.header.as_ref())
        .collect();
    let headers = if headers.is_empty() {
        quote!(__ec::NO_HEADERS)
    } else {
        quote!(&[#(#headers),*])
    };
    quote! {
        __ec::ErrorSpec {
            code: #code,
            status: __ec::status(#status),
            retryable: #retryable,
            title: #title,
            message: #message,
            description: #description,
            resolution: #resolution,
            causes: #causes,
            retry_after: #retry_after,
            fields: #fields,
            variant: #name,
            docs_url: #docs_url,
            category: &__CATEGORY,
            json: __ec::JsonHints {
                literal_message: #literal_message,
                plain_text: #plain_text,
            },
            parsed: #parsed,
            headers: #headers,
        }
    }
}

/// The `parsed` text of a message that the runtime fills in (see [`renders`]): the
/// template's literal text, each placeholder written as NUL and the character whose code
/// point is the field's position among the shown fields, which the fields function lists
/// in this order. `NOT_PARSED` for a literal message and for one that its own `write!`
/// writes. One string literal per row keeps the catalog table cheap to compile.
fn parsed_message(input: &Input, entry: &Checked) -> TokenStream {
    let not_parsed = quote!(__ec::NOT_PARSED);
    if !parsed(input, entry) {
        return not_parsed;
    }
    let shown = shown_fields(input, entry);
    let mut text = String::new();
    for piece in &entry.template.pieces {
        match piece {
            Piece::Lit(lit) => text.push_str(lit),
            Piece::Arg(arg) => {
                // The check found a field for every placeholder, and `renders` keeps
                // positions within a byte.
                let position = shown.iter().position(|name| *name == arg.name);
                let Some(Ok(position)) = position.map(u8::try_from) else {
                    return not_parsed;
                };
                text.push('\0');
                text.push(char::from(position));
            }
        }
    }
    quote!(#text)
}

/// Whether the variant's public message is always its `message` text as it is.
fn literal(entry: &Checked) -> bool {
    entry.template.literal().as_deref() == Some(entry.message.as_str())
}

/// Whether the runtime fills in the variant's message from its parsed text.
fn parsed(input: &Input, entry: &Checked) -> bool {
    !literal(entry) && renders(input, entry)
}

/// The names of the fields the runtime shows in the variant's message, in declaration
/// order (none when its message is not filled in by the runtime).
fn shown_fields(input: &Input, entry: &Checked) -> Vec<String> {
    if !renders(input, entry) {
        return Vec::new();
    }
    entry
        .variant
        .fields
        .iter()
        .map(Field::name)
        .filter(|name| entry.template.placeholders().any(|p| p.name == *name))
        .collect()
}

/// Whether JSON writes `text` as it is: it has no `"`, `\` or control character below
/// U+0020 (the only characters JSON strings must escape, and the only ones `serde_json`
/// does).
fn json_plain(text: &str) -> bool {
    text.bytes()
        .all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
}

fn field_spec(field: &Field) -> TokenStream {
    let name = field.detail_name();
    let rust_type = types::display(field.ty);
    let json_type = format_ident!("{}", types::json_type(field.ty));
    let optional = types::option_inner(field.ty).is_some();
    let retry_after = field.attrs.retry_after.is_some();
    let flatten = field.attrs.flatten.is_some();
    let example = match &field.attrs.example {
        Some(example) => {
            let value = example_tokens(example);
            quote!(__ec::Some(#value))
        }
        None => quote!(__ec::None),
    };
    quote! {
        __ec::FieldSpec {
            name: #name,
            rust_type: #rust_type,
            json_type: __ec::JsonType::#json_type,
            optional: #optional,
            retry_after: #retry_after,
            example: #example,
            flatten: #flatten,
        }
    }
}

fn example_tokens(example: &Example) -> TokenStream {
    match example {
        Example::Str(text) => quote!(__ec::ExampleValue::String(#text)),
        Example::Int(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Integer(#value))
        }
        Example::Float(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Number(#value))
        }
        Example::Bool(value) => quote!(__ec::ExampleValue::Bool(#value)),
        Example::List(items) => {
            let items = items.iter().map(example_tokens);
            quote!(__ec::ExampleValue::Array(&[#(#items),*]))
        }
    }
}

/// `base/code`, or `base` with `{code}` replaced when it has that placeholder.
fn docs_url(base: &str, code: &str) -> String {
    if base.contains("{code}") {
        base.replace("{code}", code)
    } else {
        format!("{}/{code}", base.trim_end_matches('/'))
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(__ec::Some(#text)),
        None => quote!(__ec::None),
    }
}

/// The binding name of the field at `index` in a generated pattern.
fn binding(index: usize) -> Ident {
    format_ident!("__field{}", index)
}

/// The same binding, spanned at the field's type: a trait bound the field's value
/// fails is then reported on the type, not on the derive.
fn binding_at(index: usize, ty_span: Span) -> Ident {
    format_ident!("__field{}", index, span = ty_span)
}

/// `Self::Variant { a: __field0, .. }` (or `Self { .. }` for a struct), binding the
/// fields at `indexes`.
fn pattern(input: &Input, variant: &Variant, indexes: &[usize]) -> TokenStream {
    let path = match input.shape {
        Shape::Enum => {
            let ident = variant.ident;
            quote!(Self::#ident)
        }
        Shape::Struct => quote!(Self),
    };
    let bound = indexes.iter().map(|&index| {
        let member = &variant.fields[index].member;
        let name = binding(index);
        quote!(#member: #name)
    });
    quote!(#path { #(#bound,)* .. })
}

fn field_index(variant: &Variant, name: &str) -> usize {
    variant
        .fields
        .iter()
        .position(|field| field.name() == name)
        .unwrap_or_default()
}

/// Whether the runtime writes this variant's message from the catalog's parsed template
/// ([`__ec::write_message`]), fed by the fields function. Generic types keep `write!`,
/// so their `Display` does not need `Serialize` bounds; so do templates with a format
/// spec (`{id:?}`, `{n:>3}`), which only `format_args!` knows how to apply, variants
/// with more fields than a byte can number, and templates holding a NUL (the parsed
/// form's marker).
fn renders(input: &Input, entry: &Checked) -> bool {
    input.generics.type_params().next().is_none()
        && entry.template.placeholders().all(|p| p.spec.is_empty())
        && u8::try_from(entry.variant.fields.len()).is_ok()
        && !entry.message.contains('\0')
}

/// The body that writes the public message, or `None` when every variant's message is
/// its literal template (then the runtime's default reads it from the spec).
///
/// The variants the runtime renders share one default arm; only templates with a format
/// spec (and every template of a generic type) get a `write!` arm of their own.
fn message_body(input: &Input, checked: &[Checked]) -> Option<TokenStream> {
    if checked.iter().all(literal) {
        return None;
    }
    let mut arms = Vec::new();
    for entry in checked.iter().filter(|entry| !renders(input, entry)) {
        let variant = entry.variant;
        let span = variant
            .attrs
            .message
            .as_ref()
            .map_or(variant.span, LitStr::span);
        if let Some(text) = entry.template.literal() {
            let pattern = pattern(input, variant, &[]);
            arms.push(quote!(#pattern => __f.write_str(#text),));
            continue;
        }
        let indexes: Vec<usize> = entry
            .template
            .placeholders()
            .map(|p| field_index(variant, &p.name))
            .collect();
        let mut unique = indexes.clone();
        unique.sort_unstable();
        unique.dedup();
        let pattern = pattern(input, variant, &unique);
        let format = LitStr::new(&entry.template.positional_format(), span);
        let args = indexes.iter().map(|&index| binding(index));
        arms.push(quote_spanned! {span=>
            #pattern => __ec::core::write!(__f, #format, #(#args),*),
        });
    }
    let render = quote! {
        __ec::write_message(
            __f,
            &Self::CATALOG[self.__error_catalog_index()],
            &|__v| self.__error_catalog_fields(__v),
        )
    };
    if arms.is_empty() {
        return Some(render);
    }
    let default = (arms.len() < checked.len()).then(|| quote!(_ => #render,));
    Some(quote! {
        match self {
            #(#arms)*
            #default
        }
    })
}

/// The hidden `__error_catalog_fields` method: one match that hands each variant's
/// detail fields, and the fields its rendered message shows, to the runtime as
/// `FieldRef`s. `visit_details` and the rendered messages both read it. `None` when no
/// variant has such a field.
fn fields_fn(input: &Input, checked: &[Checked], bounds: &Bounds) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for entry in checked {
        let variant = entry.variant;
        let shown_names = shown_fields(input, entry);
        let span = variant
            .attrs
            .message
            .as_ref()
            .map_or(variant.span, LitStr::span);
        let mut indexes = Vec::new();
        let mut refs = Vec::new();
        for (index, field) in variant.fields.iter().enumerate() {
            let name = field.name();
            let shown = shown_names.contains(&name);
            let detail = field.is_detail();
            if !(shown || detail) {
                continue;
            }
            indexes.push(index);
            let ty_span = field.ty.span();
            let binding = binding_at(index, ty_span);
            let key = field.detail_name();
            let optional = types::option_inner(field.ty).is_some();
            let flatten = field.attrs.flatten.is_some();
            if detail && shown && !optional && !flatten {
                refs.push(quote_spanned! {ty_span=>
                    __v(__ec::FieldRef::both(#key, #binding));
                });
                continue;
            }
            if detail && flatten {
                refs.push(quote_spanned! {ty_span=>
                    __v(__ec::FieldRef::flatten(#key, &|__d: &mut dyn __ec::DetailVisitor| {
                        // One of the two is used, by the field's type.
                        #[allow(unused_imports)]
                        use __ec::{ViaFlattenDetails as _, ViaSerialize as _};
                        (&__ec::Flatten(#binding)).error_catalog_flatten(#key, __d);
                    }));
                });
            } else if detail && optional {
                refs.push(quote_spanned! {ty_span=>
                    __v(__ec::FieldRef::optional(#key, #binding));
                });
            } else if detail {
                refs.push(quote_spanned! {ty_span=>
                    __v(__ec::FieldRef::detail(#key, #binding));
                });
            }
            if shown {
                let plain = self::binding(index);
                refs.push(quote_spanned! {span=>
                    __v(__ec::FieldRef::shown(#plain));
                });
            }
        }
        if refs.is_empty() {
            continue;
        }
        let pattern = pattern(input, variant, &indexes);
        arms.push(quote!(#pattern => { #(#refs)* }));
    }
    if arms.is_empty() {
        return None;
    }
    let default = (arms.len() < checked.len()).then(|| quote!(_ => {}));
    let where_clause = (!bounds.details.is_empty()).then(|| {
        let details = &bounds.details;
        quote!(where #(#details,)*)
    });
    Some(quote! {
        fn __error_catalog_fields<'__a>(&'__a self, __v: &mut dyn __ec::core::ops::FnMut(__ec::FieldRef<'__a, '_>)) #where_clause {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// The hidden `ApiError::__fields`, through the fields function, when some variant's
/// message is parsed: the JSON writer then fills it in without `fmt_message`.
fn list_fields(input: &Input, checked: &[Checked], has_fields_fn: bool) -> Option<TokenStream> {
    let any_parsed = checked.iter().any(|entry| parsed(input, entry));
    any_parsed.then(|| {
        let (visit, call) = if has_fields_fn {
            (quote!(__v), quote!(self.__error_catalog_fields(__v);))
        } else {
            (quote!(_), TokenStream::new())
        };
        quote! {
            #[inline]
            fn __fields<'__a>(&'__a self, #visit: &mut dyn __ec::core::ops::FnMut(__ec::FieldRef<'__a, '_>)) -> bool {
                #call
                true
            }
        }
    })
}

/// `visit_details`, through the fields function, when some variant has details.
fn visit_details(checked: &[Checked]) -> Option<TokenStream> {
    let any = checked
        .iter()
        .any(|entry| entry.variant.fields.iter().any(Field::is_detail));
    any.then(|| {
        quote! {
            fn visit_details(&self, __v: &mut dyn __ec::DetailVisitor) {
                self.__error_catalog_fields(&mut |__field| __field.visit_detail(__v));
            }
        }
    })
}

fn retry_after(input: &Input, checked: &[Checked]) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for entry in checked {
        let variant = entry.variant;
        let Some(index) = variant
            .fields
            .iter()
            .position(|field| field.attrs.retry_after.is_some())
        else {
            continue;
        };
        let pattern = pattern(input, variant, &[index]);
        let span = variant.fields[index].ty.span();
        let binding = binding_at(index, span);
        let fallback = match variant.attrs.retry_after {
            Some(secs) => quote!(__ec::Some(#secs)),
            None => quote!(__ec::None),
        };
        arms.push(quote_spanned! {span=>
            #pattern => __ec::AsRetryAfter::retry_after_secs(#binding).or(#fallback),
        });
    }
    if arms.is_empty() {
        return None;
    }
    let default = (arms.len() < checked.len())
        .then(|| quote!(_ => Self::CATALOG[self.__error_catalog_index()].retry_after,));
    Some(quote! {
        fn retry_after(&self) -> __ec::Option<u64> {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// `add_headers`, for the variants with `#[error(header = "..")]` fields.
fn add_headers(input: &Input, checked: &[Checked]) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for entry in checked {
        let variant = entry.variant;
        let indexes: Vec<usize> = (0..variant.fields.len())
            .filter(|&i| variant.fields[i].attrs.header.is_some())
            .collect();
        if indexes.is_empty() {
            continue;
        }
        let pattern = pattern(input, variant, &indexes);
        let inserts = indexes.iter().map(|&index| {
            let field = &variant.fields[index];
            let name = field
                .attrs
                .header
                .as_ref()
                .map(|name| name.value().to_ascii_lowercase())
                .unwrap_or_default();
            let span = field.ty.span();
            let binding = binding_at(index, span);
            if types::option_inner(field.ty).is_some() {
                let value = quote_spanned!(span=> __value);
                let insert = quote_spanned! {span=>
                    __ec::insert_header(__h, #name, #value);
                };
                quote! {
                    if let __ec::Some(#value) = #binding {
                        #insert
                    }
                }
            } else {
                quote_spanned! {span=>
                    __ec::insert_header(__h, #name, #binding);
                }
            }
        });
        arms.push(quote!(#pattern => { #(#inserts)* }));
    }
    if arms.is_empty() {
        return None;
    }
    let default = (arms.len() < checked.len()).then(|| quote!(_ => {}));
    Some(quote! {
        fn add_headers(&self, __h: &mut __ec::HeaderMap) {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// `Display`, `std::error::Error` and `From`, unless thiserror provides them.
fn std_impls(
    input: &Input,
    checked: &[Checked],
    bounds: &Bounds,
    message_body: Option<&TokenStream>,
) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let display_where = Bounds::where_clause(input, &[&bounds.message], false);
    let display_body = message_body.cloned().unwrap_or_else(|| {
        quote!(__f.write_str(Self::CATALOG[self.__error_catalog_index()].message))
    });

    let mut source_arms = Vec::new();
    let mut from_impls = Vec::new();
    for entry in checked {
        let variant = entry.variant;
        let Some(index) = variant.fields.iter().position(Field::is_source) else {
            continue;
        };
        let field = &variant.fields[index];
        let pattern = pattern(input, variant, &[index]);
        let binding = binding(index);
        let span = field.ty.span();
        // Only the call is spanned at the field (a type error lands there); `Some` is
        // spanned at the derive, where `unused_qualifications` does not look.
        let call = quote_spanned!(span=> #binding.as_dyn_error());
        source_arms.push(quote! {
            #pattern => __ec::Some(#call),
        });
        if field.attrs.from.is_some() {
            let ty = field.ty;
            let path = match input.shape {
                Shape::Enum => {
                    let variant_ident = variant.ident;
                    quote!(Self::#variant_ident)
                }
                Shape::Struct => quote!(Self),
            };
            let member: &Member = &field.member;
            from_impls.push(quote! {
                #[automatically_derived]
                impl #impl_generics __ec::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(__source: #ty) -> Self {
                        #path { #member: __source }
                    }
                }
            });
        }
    }
    let source = (!source_arms.is_empty()).then(|| {
        let default = (source_arms.len() < checked.len()).then(|| quote!(_ => __ec::None,));
        quote! {
            fn source(&self) -> __ec::Option<&(dyn __ec::StdError + 'static)> {
                use __ec::AsDynError as _;
                match self {
                    #(#source_arms)*
                    #default
                }
            }
        }
    });
    let error_where = Bounds::where_clause(input, &[&bounds.message, &bounds.sources], false);
    let error_where = if input.generics.params.is_empty() {
        error_where
    } else {
        let mut clause = error_where;
        if clause.is_empty() {
            clause = quote!(where);
        }
        quote!(#clause Self: __ec::core::fmt::Debug,)
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::core::fmt::Display for #ident #ty_generics #display_where {
            fn fmt(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                #display_body
            }
        }

        #[automatically_derived]
        impl #impl_generics __ec::StdError for #ident #ty_generics #error_where {
            #source
        }

        #(#from_impls)*
    }
}

/// One hidden `#[macro_export]` macro per code, named after the code: two derives in
/// one crate that use the same code define the same macro name at the crate root, and
/// rustc's E0428 points at both code literals.
///
/// The macros go in blocks of [`MACROS_PER_BLOCK`], each block one `const _` item: a
/// `macro_rules!` item is in scope for the rest of its block, and every later macro or
/// attribute name looks through those in scope, so thousands of them side by side cost
/// time quadratic in their number (the user's own code after the derive too). The block
/// also carries the one `allow(non_local_definitions)` its macros need.
fn crate_uniqueness(input: &Input, checked: &[Checked]) -> TokenStream {
    if input.attrs.unique_in_crate == Some(false) {
        return TokenStream::new();
    }
    let blocks = checked.chunks(MACROS_PER_BLOCK).map(|chunk| {
        let macros = chunk.iter().map(|entry| {
            let name = Ident::new(
                &format!("__error_catalog_code_{}", mangle(&entry.code)),
                entry.code_span,
            );
            quote_spanned! {entry.code_span=>
                #[doc(hidden)]
                #[macro_export]
                macro_rules! #name { () => {}; }
            }
        });
        quote! {
            #[allow(non_local_definitions)]
            const _: () = {
                #(#macros)*
            };
        }
    });
    quote!(#(#blocks)*)
}

/// How many uniqueness macros share one block (see [`crate_uniqueness`]).
const MACROS_PER_BLOCK: usize = 32;

/// An injective map from codes (ASCII letters, digits, `_`, `-`, `.`) to identifier
/// characters: `_` becomes `__`, `-` becomes `_h`, `.` becomes `_d`.
fn mangle(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 4);
    for c in code.chars() {
        match c {
            '_' => out.push_str("__"),
            '-' => out.push_str("_h"),
            '.' => out.push_str("_d"),
            c => out.push(c),
        }
    }
    out
}

/// Extra where-clause predicates for generic types: each field whose type mentions a
/// type parameter gets the bound its use needs.
struct Bounds {
    details: Vec<TokenStream>,
    message: Vec<TokenStream>,
    sources: Vec<TokenStream>,
    headers: Vec<TokenStream>,
}

impl Bounds {
    fn new(input: &Input, checked: &[Checked]) -> Self {
        let params: Vec<&Ident> = input
            .generics
            .type_params()
            .map(|param| &param.ident)
            .collect();
        let mut bounds = Bounds {
            details: Vec::new(),
            message: Vec::new(),
            sources: Vec::new(),
            headers: Vec::new(),
        };
        if params.is_empty() {
            return bounds;
        }
        for entry in checked {
            let variant = entry.variant;
            for field in &variant.fields {
                if !types::mentions_any(field.ty, &params) {
                    continue;
                }
                let ty = field.ty;
                if field.is_detail() {
                    let inner = types::option_inner(ty).unwrap_or(ty);
                    bounds.details.push(quote!(#inner: __ec::Serialize));
                }
                if field.is_source() {
                    bounds.sources.push(quote!(#ty: __ec::AsDynError<'static>));
                }
                if field.attrs.header.is_some() {
                    let inner = types::option_inner(ty).unwrap_or(ty);
                    bounds
                        .headers
                        .push(quote!(#inner: __ec::core::fmt::Display));
                }
            }
            for placeholder in entry.template.placeholders() {
                let field = &variant.fields[field_index(variant, &placeholder.name)];
                if !types::mentions_any(field.ty, &params) {
                    continue;
                }
                let ty = field.ty;
                let fmt_trait = format_trait(&placeholder.spec);
                bounds
                    .message
                    .push(quote!(#ty: __ec::core::fmt::#fmt_trait));
            }
        }
        bounds
    }

    /// The type's own where clause plus the given predicate groups (and `Self: Error`
    /// for the `ApiError` impl of a generic type).
    fn where_clause(input: &Input, groups: &[&Vec<TokenStream>], api: bool) -> TokenStream {
        let own = input
            .generics
            .where_clause
            .as_ref()
            .map(|clause| {
                clause
                    .predicates
                    .iter()
                    .map(|p| quote!(#p,))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let extra: Vec<&TokenStream> = groups.iter().flat_map(|group| group.iter()).collect();
        let generic = !input.generics.params.is_empty();
        let self_error = (api && generic).then(|| quote!(Self: __ec::StdError,));
        if own.is_empty() && extra.is_empty() && self_error.is_none() {
            return TokenStream::new();
        }
        quote!(where #(#own)* #(#extra,)* #self_error)
    }
}

/// The formatting trait a placeholder's spec asks for.
fn format_trait(spec: &str) -> Ident {
    let name = match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        _ => "Display",
    };
    Ident::new(name, Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::{docs_url, json_plain, mangle};

    #[test]
    fn json_plain_texts() {
        assert!(json_plain("Project not found: é 😀 / <tag> \u{7f}"));
        for text in ["say \"hi\"", "a\\b", "line\nbreak", "tab\t", "\u{1f}"] {
            assert!(!json_plain(text), "{text:?}");
        }
    }

    #[test]
    fn mangling_is_injective_on_tricky_pairs() {
        let codes = ["a_h", "a-", "a.b", "a_db", "a__b", "a_b", "A_B", "a-b"];
        let mangled: std::collections::HashSet<String> = codes.iter().map(|c| mangle(c)).collect();
        assert_eq!(mangled.len(), codes.len());
        assert_eq!(mangle("AUTH-401"), "AUTH_h401");
    }

    #[test]
    fn docs_urls() {
        assert_eq!(
            docs_url("https://d.io/errors/", "x"),
            "https://d.io/errors/x"
        );
        assert_eq!(docs_url("https://d.io/e#{code}", "x"), "https://d.io/e#x");
    }
}
