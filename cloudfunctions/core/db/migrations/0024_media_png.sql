-- Catalog images are PNG renditions now (WeChat share cards and the poster canvas take PNG/JPG, not
-- SVG). Rows written by an earlier seed point at the SVG drawings; move them to the PNG at the same
-- path. Only the demo art paths (/media/.../*.svg) change; any other image reference stays.
update products
   set images = (select coalesce(jsonb_agg(to_jsonb(regexp_replace(e, '^(/media/products/.+)\.svg$', '\1.png')) order by i), '[]'::jsonb)
                   from jsonb_array_elements_text(images) with ordinality as t(e, i))
 where images::text like '%/media/products/%.svg%';

update categories set icon = regexp_replace(icon, '^(/media/categories/.+)\.svg$', '\1.png')
 where icon like '/media/categories/%.svg';

update banners set image = regexp_replace(image, '^(/media/banners/.+)\.svg$', '\1.png')
 where image like '/media/banners/%.svg';

update order_lines set image = regexp_replace(image, '^(/media/products/.+)\.svg$', '\1.png')
 where image like '/media/products/%.svg';
