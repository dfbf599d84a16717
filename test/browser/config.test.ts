import { expect, fixture, html } from '@open-wc/testing';
import { configure, resolveApi, resolveLang, setScriptBase, toLocale } from '../../src/client/config.js';

afterEach(() => {
  configure({ api: null });
  document.querySelector('meta[name="parvis:api"]')?.remove();
});

describe('configuration', () => {
  it('API base: attribute, then Parvis.configure, then <meta>, then where parvis.js came from', async () => {
    const el = await fixture(html`<parvis-config-probe api="https://attribute.test/"></parvis-config-probe>`);
    const bare = await fixture(html`<parvis-config-probe></parvis-config-probe>`);
    setScriptBase('https://cdn.ville.test/widgets/');
    expect(resolveApi(bare)).to.equal('https://cdn.ville.test/widgets');

    const meta = Object.assign(document.createElement('meta'), {
      name: 'parvis:api',
      content: 'https://meta.test/api/',
    });
    document.head.append(meta);
    expect(resolveApi(bare)).to.equal('https://meta.test/api');

    configure({ api: 'https://configured.test' });
    expect(resolveApi(bare)).to.equal('https://configured.test');
    expect(resolveApi(el)).to.equal('https://attribute.test');
  });

  it('a relative API base resolves against the page', async () => {
    const el = await fixture(html`<parvis-config-probe api="/participer/"></parvis-config-probe>`);
    expect(resolveApi(el)).to.equal(`${location.origin}/participer`);
  });

  it('language: own lang, then the closest [lang] ancestor, then <html lang>, then French', async () => {
    const tree = await fixture(
      html`<div lang="en-GB">
        <section>
          <parvis-config-probe></parvis-config-probe><parvis-config-probe lang="fr"></parvis-config-probe>
        </section>
      </div>`,
    );
    const [inherited, own] = tree.querySelectorAll('parvis-config-probe');
    expect(resolveLang(inherited)).to.equal('en-GB');
    expect(resolveLang(own)).to.equal('fr');
    const orphan = document.createElement('parvis-config-probe');
    document.documentElement.lang = 'en';
    expect(resolveLang(orphan)).to.equal('en');
    document.documentElement.removeAttribute('lang');
    expect(resolveLang(orphan)).to.equal('fr');
  });

  it('language inside another component’s shadow root follows its host', async () => {
    const host = await fixture(html`<div lang="en"></div>`);
    const probe = document.createElement('parvis-config-probe');
    host.attachShadow({ mode: 'open' }).append(probe);
    expect(resolveLang(probe)).to.equal('en');
  });

  it('maps language tags to the supported locales', () => {
    expect(['en', 'en-GB', 'EN_us', 'fr-BE', 'pt', '', 'es-419', 'de-CH', 'ar-MA'].map(toLocale)).to.deep.equal([
      'en',
      'en',
      'en',
      'fr',
      'fr',
      'fr',
      'es',
      'de',
      'ar',
    ]);
  });
});
