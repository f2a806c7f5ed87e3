import { Anchor, Breadcrumbs, Grid, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useContact, useMemberNames } from './api.ts';
import { CustomFields, FieldGrid, Section, Tags } from './Fields.tsx';
import { KindBadge } from './KindBadge.tsx';
import { formatPhone } from './phone.ts';
import { ContactActions } from './edit/RecordActions.tsx';
import { ClickToCall } from '../desktop/ClickToCall.tsx';

/** Everything we hold about one person: how to reach them, their company, owner, tags and custom fields. */
export function ContactPage() {
  const { t } = useTranslation();
  const { contactId = '' } = useParams();
  const { projectId } = useProject();
  const contact = useContact(contactId);
  const owners = useMemberNames();
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <LoadError error={contact.error} />;
  const c = contact.data;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={projectPath(projectId, 'contacts')} size="sm">{t('contacts.title')}</Anchor>
        <Text size="sm">{c.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={c.name}
        testId="contact-name"
        badge={c.account && <KindBadge kind={c.account.kind} />}
        description={c.account && (
          <Anchor component={Link} to={projectPath(projectId, 'accounts', c.account.id)}>{c.account.name}</Anchor>
        )}
        actions={<Group gap="xs">{c.phones.length > 0 && <ClickToCall contactId={c.id} size="sm" />}<ContactActions contact={c} /></Group>}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Section title={t('contacts.phones')}>
              <Stack gap="xs" data-testid="contact-phones">
                {c.phones.length === 0 && <Text size="sm" c="dimmed">{t('contacts.noPhones')}</Text>}
                {c.phones.map((p) => (
                  <Group key={p.number} gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" size="md"><IconPhone size={16} /></ThemeIcon>
                    <Anchor href={`tel:${p.number}`} ff="monospace">{formatPhone(p.number)}</Anchor>
                    <Text size="xs" c="dimmed">{p.label}</Text>
                  </Group>
                ))}
              </Stack>
            </Section>
            <Section title={t('contacts.emails')}>
              <Stack gap="xs">
                {c.emails.length === 0 && <Text size="sm" c="dimmed">{t('contacts.noEmails')}</Text>}
                {c.emails.map((e) => (
                  <Group key={e} gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" size="md" color="cyan"><IconMail size={16} /></ThemeIcon>
                    <Anchor href={`mailto:${e}`}>{e}</Anchor>
                  </Group>
                ))}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Section title={t('contacts.details')}>
              <FieldGrid fields={[
                [t('contacts.owner'), c.ownerId ? owners.get(c.ownerId) ?? '…' : null],
                [t('contacts.city'), <span data-testid="contact-city">{c.city ?? '—'}</span>],
                [t('contacts.region'), c.region],
                [t('contacts.timezone'), c.timezone],
                [t('contacts.externalId'), c.externalId],
                [t('contacts.updated'), formatDateTime(c.updatedAt)],
              ]} />
            </Section>
            <Section title={t('contacts.tags')}><Tags tags={c.tags} /></Section>
            <Section title={t('contacts.custom')}><CustomFields custom={c.custom} /></Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
