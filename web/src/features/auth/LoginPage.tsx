import { Alert, Button, Code, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { errorMessage } from '../../api/notify.ts';
import { AuthFrame } from './AuthFrame.tsx';

/** E-mail and password; on success back to where the person was going. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (me) return <Navigate to={from} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          {error && <Alert color="red" variant="light" icon={<IconAlertCircle />} data-testid="login-error">{error}</Alert>}
          <TextInput label={t('login.email')} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
          <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} label={t('login.password')} name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy} fullWidth mt="xs">{t('login.submit')}</Button>
          <Alert variant="light" color="gray" icon={<IconInfoCircle />} p="xs">
            <Text size="xs">{t('login.demo')} <Code>agent1@demo.local</Code> / <Code>switchboard</Code></Text>
          </Alert>
        </Stack>
      </form>
    </AuthFrame>
  );
}
