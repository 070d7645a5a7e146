// The Scalar reference page (/scalar) is in English; its template has no lang attribute (axe html-has-lang).
document.documentElement.lang = 'en';
