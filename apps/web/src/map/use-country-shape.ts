import type { Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { toCountryNumericCode } from './country-numeric-codes';
import { loadCountries } from './load-countries';

/** The outline of a country (ISO alpha-2) from the coarse world shapes, or null while unknown. */
export function useCountryShape(alpha2: string): Geometry | null {
  const [shape, setShape] = useState<{ code: string; geometry: Geometry } | null>(null);
  useEffect(() => {
    const numeric = alpha2 ? toCountryNumericCode(alpha2) : undefined;
    if (!numeric) return;
    let cancelled = false;
    loadCountries('110m').then(
      (countries) => {
        const match = countries.features.find((f) => String(f.id) === numeric);
        if (!cancelled && match) setShape({ code: alpha2, geometry: match.geometry });
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [alpha2]);
  return shape && shape.code === alpha2 ? shape.geometry : null;
}
